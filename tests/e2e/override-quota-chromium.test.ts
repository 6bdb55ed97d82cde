// The session-rule quota in Chromium (5,000): rules up to the limit install; one more is refused in our words
// before the browser would refuse it, nothing is saved or half-applied, and the rules in force keep working.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { fileSteps } from '../harness/poll';
import { type Lab, startLab } from '../lab/server.mjs';
import { pollFor, popupPath, tryPut } from './override-helpers';

describe('Chromium: the DNR session-rule quota', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  let labPage: Page;
  let popup: Page;
  const api = () => lab.apiOrigins[0] as string;
  // The tests continue from the 5,000 rules the first installs (vitest runs a file's tests in order).
  const steps = fileSteps();
  const dnrRuleCount = () =>
    popup.evaluate(async () => {
      const dnr = chrome.declarativeNetRequest;
      return (await dnr.getSessionRules()).length + (await dnr.getDynamicRules()).length;
    });
  const storedRuleCount = () =>
    popup.evaluate(() =>
      chrome.storage.local.get('rules').then((s) => (s.rules as { rules: unknown[] }).rules.length),
    );
  const importRules = async (from: number, count: number) => {
    const rules = Array.from({ length: count }, (_, i) => ({
      pageOrigin: lab.pageOrigin,
      target: `${api()}/bulk${from + i}/`,
      lifetime: 'pinned',
    }));
    await popup.getByTestId('import-file').setInputFiles({
      name: 'rules.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'cors-lens/override-rules', version: 2, rules })),
    });
  };

  beforeAll(async () => {
    lab = await startLab();
    chromium = await launchChromium({ grantHosts: true });
    labPage = await chromium.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
    popup = await chromium.openExtensionPage(popupPath(0, lab.pageOrigin));
    await popup.getByLabel('Allow this page to read').fill(api());
    await popup.getByLabel('with credentials').check();
    await popup.getByRole('button', { name: 'Allow', exact: true }).click();
    expect(await pollFor(() => tryPut(labPage, api()), true)).toBe(true);
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  it('installs rules up to the limit', async () => {
    await importRules(1, 4999);
    await expect
      .poll(() => popup.getByTestId('import-result').textContent(), { timeout: 15_000 })
      .toContain('Imported 4999 new');
    expect(await pollFor(dnrRuleCount, 5000)).toBe(5000);
    expect(await tryPut(labPage, api())).toBe(true);
    steps.done('up to the limit');
  });

  it('refuses one more with a clear message, and changes nothing', async () => {
    steps.require('up to the limit');
    await importRules(5000, 1);
    await expect
      .poll(() => popup.getByTestId('import-result').textContent(), { timeout: 15_000 })
      .toContain('Too many active overrides: 5,001 DNR rules needed, the browser allows 5,000');
    expect(await popup.getByTestId('import-result').textContent()).toContain('Nothing was imported');
    expect(await storedRuleCount()).toBe(5000);
    expect(await dnrRuleCount()).toBe(5000);
    expect(await tryPut(labPage, api())).toBe(true);
  });

  it('the global switch still removes all 5,000 at once', async () => {
    steps.require('up to the limit');
    await popup.getByRole('switch', { name: 'Overrides enabled' }).uncheck();
    expect(await pollFor(dnrRuleCount, 0)).toBe(0);
    expect(await pollFor(() => tryPut(labPage, api()), false)).toBe(false);
  });
});
