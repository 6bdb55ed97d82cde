// The same key cases in Firefox ESR: two dev servers on one host each receive their own origin (tabIds-narrowed
// session rules), the toolbar badge follows the override state, and a timed rule's expiry restores the block.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, launchFirefox } from '../harness/firefox';
import { fileSteps } from '../harness/poll';
import { type Lab, startLab } from '../lab/server.mjs';
import { pollFor, popupPath, tryPut, tryPutFromWorker } from './override-helpers';

type Ext = { browser: typeof chrome };

describe('Firefox ESR: two dev servers on one host, badge and expiry', () => {
  let lab: Lab;
  let firefox: FirefoxSession;
  let pageA: Page;
  let pageB: Page;
  const api = () => lab.apiOrigins[0] as string;
  const ext = () => firefox.extensionPage;

  const tabIdOf = (origin: string) =>
    ext().evaluate(
      (o) =>
        (globalThis as unknown as Ext).browser.tabs
          .query({})
          .then((tabs) => tabs.find((t) => t.url?.startsWith(`${o}/`))?.id ?? -1),
      origin,
    );
  const sessionRules = () =>
    ext().evaluate(() => (globalThis as unknown as Ext).browser.declarativeNetRequest.getSessionRules());
  const badgeText = () =>
    ext().evaluate(() => (globalThis as unknown as Ext).browser.action.getBadgeText({}));
  // Each test continues from the rules the earlier ones made (vitest runs a file's tests in order).
  const steps = fileSteps();
  const allowFrom = async (pageOrigin: string) => {
    const popup = await firefox.openExtensionPage(popupPath(await tabIdOf(pageOrigin), pageOrigin));
    await popup.bringToFront();
    await popup.locator('#allow-target').fill(api());
    await popup.locator('form.allow input[type="checkbox"]').click();
    await popup.locator('form.allow button[type="submit"]').click();
    await popup.waitForFunction(
      (name) => [...document.querySelectorAll('.rule-name')].some((e) => e.textContent === name),
      {},
      `${pageOrigin} → ${api()}`,
    );
    await popup.close();
  };

  beforeAll(async () => {
    lab = await startLab();
    firefox = await launchFirefox();
    pageA = await firefox.newPage();
    await pageA.goto(`${lab.pageOrigin}/`);
    pageB = await firefox.newPage();
    await pageB.goto(`${lab.page2Origin}/`);
  });
  afterAll(async () => {
    await firefox?.close();
    await lab?.close();
  });

  it('with one page allowed, that page passes, the other page on the same host still fails, the badge is on', async () => {
    expect(await badgeText()).toBe('');
    expect(await tryPut(pageA, api())).toBe(false);
    await allowFrom(lab.pageOrigin);
    expect(await pollFor(() => tryPut(pageA, api()), true)).toBe(true);
    expect(await tryPut(pageB, api())).toBe(false);
    expect(await pollFor(badgeText, 'ON')).toBe('ON');
    steps.done('one page allowed');
  });

  it('with both allowed, each page (and its dedicated worker) receives its own origin', async () => {
    steps.require('one page allowed');
    await allowFrom(lab.page2Origin);
    expect(await pollFor(() => tryPut(pageB, api()), true)).toBe(true);
    expect(await tryPut(pageA, api())).toBe(true);
    expect(await tryPutFromWorker(pageA, api())).toBe(true);
    expect(await tryPutFromWorker(pageB, api())).toBe(true);
    const rules = await sessionRules();
    const tabsByAcao = Object.fromEntries(
      rules.map((r) => [
        r.action.responseHeaders?.find((h) => h.header === 'access-control-allow-origin')?.value,
        r.condition.tabIds,
      ]),
    );
    expect(tabsByAcao[lab.pageOrigin]).toEqual([await tabIdOf(lab.pageOrigin)]);
    expect(tabsByAcao[lab.page2Origin]).toEqual([await tabIdOf(lab.page2Origin)]);
    steps.done('both allowed');
  });

  it('a tab navigated to the other dev server after the rules exist gets that origin', async () => {
    steps.require('both allowed');
    const pageC = await firefox.newPage();
    await pageC.goto(`${lab.page2Origin}/`);
    expect(await pollFor(() => tryPut(pageC, api()), true)).toBe(true);
    await pageC.goto(`${lab.pageOrigin}/`);
    expect(await pollFor(() => tryPut(pageC, api()), true)).toBe(true);
    expect(await tryPut(pageB, api())).toBe(true);
    await pageC.close();
  });

  it('timed rules that run out restore the block and clear the badge', async () => {
    steps.require('both allowed');
    // A short lifetime through the stored model: both rules expire in 15 s (time enough to see them still apply
    // on a slow machine); the background re-reads them.
    await ext().evaluate(async () => {
      const { browser } = globalThis as unknown as Ext;
      const { rules } = await browser.storage.local.get('rules');
      const state = rules as { rules: { expiresAt: number | null }[] };
      for (const rule of state.rules) rule.expiresAt = Date.now() + 15_000;
      await browser.storage.local.set({ rules: state });
      await browser.runtime.sendMessage({ type: 'rules/get' });
    });
    expect(await pollFor(() => tryPut(pageA, api()), true)).toBe(true);
    expect(await pollFor(() => tryPut(pageA, api()), false, 60_000)).toBe(false);
    expect(await pollFor(() => tryPut(pageB, api()), false)).toBe(false);
    expect(await pollFor(() => sessionRules().then((r) => r.length), 0)).toBe(0);
    expect(await pollFor(badgeText, '')).toBe('');
  });
});
