// An override's life in Firefox ESR, whose MV3 background is an event page that Firefox suspends when idle. The
// idle timeout is cut to 1 s (pref extensions.background.idle.timeout) so the test sees real suspensions: the rule
// keeps applying while the background is gone, and a timed rule still expires (chrome.alarms wakes the background
// whose timer died with it). The short lifetime is set through the stored model, not the UI.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, launchFirefox } from '../harness/firefox';
import { fileSteps, pollUntil } from '../harness/poll';
import { type Lab, startLab } from '../lab/server.mjs';
import { pollFor, popupPath, tryPut } from './override-helpers';

type Ext = { browser: typeof chrome };
const IDLE_MS = 1000;

describe('Firefox ESR: override across event-page suspensions, and expiry', () => {
  let lab: Lab;
  let firefox: FirefoxSession;
  let labPage: Page;
  const api = () => lab.apiOrigins[0] as string;
  const ext = () => firefox.extensionPage;

  const workerStartedAt = () =>
    ext().evaluate(() =>
      (globalThis as unknown as Ext).browser.runtime
        .sendMessage({ type: 'ping' })
        .then((s: { startedAt: number }) => s.startedAt),
    );
  /**
   * Leaves the background alone for a while, then asks it when it started, until the answer is a new value (it
   * was suspended) or 20 s pass. Each ask is a message that keeps the background awake for another idle timeout,
   * so the asks are spaced by three of them.
   */
  const restartedSince = async (startedAt: number) => {
    await new Promise((r) => setTimeout(r, IDLE_MS * 3));
    const seen = await pollUntil(workerStartedAt, (s) => s !== startedAt, 20_000, IDLE_MS * 3);
    return seen !== startedAt;
  };
  const sessionRuleCount = () =>
    ext().evaluate(() =>
      (globalThis as unknown as Ext).browser.declarativeNetRequest.getSessionRules().then((r) => r.length),
    );
  const badgeText = () =>
    ext().evaluate(() => (globalThis as unknown as Ext).browser.action.getBadgeText({}));
  const alarmCount = () =>
    ext().evaluate(() => (globalThis as unknown as Ext).browser.alarms.getAll().then((a) => a.length));
  const steps = fileSteps();
  const allow = async () => {
    const popup = await firefox.openExtensionPage(popupPath(0, lab.pageOrigin));
    await popup.bringToFront();
    await popup.locator('#allow-target').fill(api());
    await popup.locator('form.allow input[type="checkbox"]').click();
    await popup.locator('form.allow button[type="submit"]').click();
    await popup.waitForSelector('[data-testid="override-banner"]');
    await popup.close(); // an open popup talks to the background and would keep it awake
  };

  beforeAll(async () => {
    lab = await startLab();
    firefox = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': IDLE_MS } });
    labPage = await firefox.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
  });
  afterAll(async () => {
    await firefox?.close();
    await lab?.close();
  });

  it('the rule keeps applying while the background is suspended and after it restarts', async () => {
    await allow();
    expect(await pollFor(() => tryPut(labPage, api()), true)).toBe(true);
    const first = await workerStartedAt();
    expect(await restartedSince(first)).toBe(true);
    expect(await pollFor(() => tryPut(labPage, api()), true)).toBe(true);
    expect(await pollFor(sessionRuleCount, 1)).toBe(1);
    expect(await pollFor(badgeText, 'ON')).toBe('ON');
    steps.done('suspended');
  });

  it('a timed rule expires through the alarm after the background was suspended, and the block is back', async () => {
    steps.require('suspended'); // which made the rule
    // Expire in 8 s: time enough for the idle background (1 s timeout) to be suspended first, timer and all.
    const startedAt = await ext().evaluate(async () => {
      const { browser } = globalThis as unknown as Ext;
      const { rules } = await browser.storage.local.get('rules');
      const state = rules as { rules: { expiresAt: number | null }[] };
      for (const rule of state.rules) rule.expiresAt = Date.now() + 8 * 1000;
      await browser.storage.local.set({ rules: state });
      await browser.runtime.sendMessage({ type: 'rules/get' });
      return ((await browser.runtime.sendMessage({ type: 'ping' })) as { startedAt: number }).startedAt;
    });
    expect(await pollFor(alarmCount, 1)).toBe(1);
    expect(await pollFor(() => tryPut(labPage, api()), false, 60_000)).toBe(false);
    expect(await pollFor(sessionRuleCount, 0)).toBe(0);
    expect(await pollFor(badgeText, '')).toBe('');
    // Only the fetches ran meanwhile, which do not wake the background: a new instance means the one that set
    // the timer was suspended, and the alarm brought the background back to end the rule.
    expect(await workerStartedAt()).not.toBe(startedAt);
  });
});
