// The session-rule quota in Firefox ESR (5,000): rules up to the limit install; one more is refused in our words
// before the browser would refuse it, nothing is saved or half-applied, and the rules in force keep working.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, launchFirefox } from '../harness/firefox';
import { fileSteps } from '../harness/poll';
import { type Lab, startLab } from '../lab/server.mjs';
import { pollFor, popupPath, tryPut } from './override-helpers';

type Ext = { browser: typeof chrome };

describe('Firefox ESR: the DNR session-rule quota', () => {
  let lab: Lab;
  let firefox: FirefoxSession;
  let labPage: Page;
  let popup: Page;
  let dir: string;
  const api = () => lab.apiOrigins[0] as string;
  // The tests continue from the 5,000 rules the first installs (vitest runs a file's tests in order).
  const steps = fileSteps();
  const dnrRuleCount = () =>
    popup.evaluate(async () => {
      const dnr = (globalThis as unknown as Ext).browser.declarativeNetRequest;
      return (await dnr.getSessionRules()).length + (await dnr.getDynamicRules()).length;
    });
  const storedRuleCount = () =>
    popup.evaluate(() =>
      (globalThis as unknown as Ext).browser.storage.local
        .get('rules')
        .then((s) => (s.rules as { rules: unknown[] }).rules.length),
    );
  const importResult = () =>
    popup.$eval('[data-testid="import-result"]', (e) => e.textContent ?? '').catch(() => '');
  const importRules = async (from: number, count: number) => {
    const rules = Array.from({ length: count }, (_, i) => ({
      pageOrigin: lab.pageOrigin,
      target: `${api()}/bulk${from + i}/`,
      lifetime: 'pinned',
    }));
    const file = join(dir, `rules-${from}.json`);
    await writeFile(file, JSON.stringify({ format: 'cors-lens/override-rules', version: 2, rules }));
    const input = (await popup.waitForSelector(
      '[data-testid="import-file"]',
    )) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
  };

  beforeAll(async () => {
    lab = await startLab();
    dir = await mkdtemp(join(tmpdir(), 'cors-lens-quota-'));
    firefox = await launchFirefox();
    labPage = await firefox.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
    popup = await firefox.openExtensionPage(popupPath(0, lab.pageOrigin));
    await popup.bringToFront();
    await popup.locator('#allow-target').fill(api());
    await popup.locator('form.allow input[type="checkbox"]').click();
    await popup.locator('form.allow button[type="submit"]').click();
    expect(await pollFor(() => tryPut(labPage, api()), true)).toBe(true);
  });
  afterAll(async () => {
    await firefox?.close();
    await lab?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('installs rules up to the limit', async () => {
    await importRules(1, 4999);
    expect(
      await pollFor(() => importResult().then((t) => t.includes('Imported 4999 new')), true, 30_000),
    ).toBe(true);
    expect(await pollFor(dnrRuleCount, 5000, 30_000)).toBe(5000);
    expect(await tryPut(labPage, api())).toBe(true);
    steps.done('up to the limit');
  });

  it('refuses one more with a clear message, and changes nothing', async () => {
    steps.require('up to the limit');
    await importRules(5000, 1);
    expect(
      await pollFor(
        () => importResult().then((t) => t.includes('Too many active overrides: 5,001 DNR rules needed')),
        true,
        30_000,
      ),
    ).toBe(true);
    expect(await importResult()).toContain('Nothing was imported');
    expect(await storedRuleCount()).toBe(5000);
    expect(await dnrRuleCount()).toBe(5000);
    expect(await tryPut(labPage, api())).toBe(true);
  });
});
