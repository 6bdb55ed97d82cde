// The DNR session-rule quota (5,000 in both browsers): rules up to the limit install; one more is refused in our
// words before the browser would refuse it, nothing is saved or half-applied, and the rules in force keep working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserName,
  type BrowserUnderTest,
  launchBrowserUnderTest,
  type WebPage,
} from '../harness/browser-under-test';
import type { ExtensionPage } from '../harness/extension-page';
import { fileSteps } from '../harness/poll';
import { type Lab, startLab } from '../lab/server.mjs';
import {
  allowInPopup,
  dynamicRules,
  openLabAndPopup,
  POPUP,
  pollFor,
  sessionRules,
  storedRules,
  tryPut,
} from './override-helpers';

describe.each<BrowserName>(['chromium', 'firefox'])('%s: the DNR session-rule quota', (name) => {
  let lab: Lab;
  let browser: BrowserUnderTest;
  let labPage: WebPage;
  let popup: ExtensionPage;
  const api = () => lab.apiOrigins[0] as string;
  const put = () => tryPut(labPage, api());
  // The tests continue from the 5,000 rules the first installs (vitest runs a file's tests in order).
  const steps = fileSteps();
  const dnrRuleCount = async () => (await sessionRules(popup)).length + (await dynamicRules(popup)).length;
  const importRules = (from: number, count: number) => {
    const rules = Array.from({ length: count }, (_, i) => ({
      pageOrigin: lab.pageOrigin,
      target: `${api()}/bulk${from + i}/`,
      lifetime: 'pinned',
    }));
    const file = JSON.stringify({ format: 'cors-lens/override-rules', version: 2, rules });
    return popup.upload(POPUP.importFile, `rules-${from}.json`, file);
  };
  // 5,000 rules take a while to install on a loaded machine.
  const slow = { timeout: 30_000 };

  beforeAll(async () => {
    lab = await startLab();
    browser = await launchBrowserUnderTest(name, { hostAccess: 'asked' });
    ({ labPage, popup } = await openLabAndPopup(browser, lab.pageOrigin));
    await allowInPopup(popup, api());
    expect(await pollFor(put, true)).toBe(true);
  });
  afterAll(async () => {
    await browser?.close();
    await lab?.close();
  });

  it('installs rules up to the limit', async () => {
    await importRules(1, 4999);
    await expect.poll(() => popup.text(POPUP.importResult), slow).toContain('Imported 4999 new');
    await expect.poll(dnrRuleCount, slow).toBe(5000);
    expect(await put()).toBe(true);
    steps.done('up to the limit');
  });

  it('refuses one more with a clear message, and changes nothing', async () => {
    steps.require('up to the limit');
    await importRules(5000, 1);
    await expect
      .poll(() => popup.text(POPUP.importResult), slow)
      .toContain('Too many active overrides: 5,001 DNR rules needed, the browser allows 5,000');
    expect(await popup.text(POPUP.importResult)).toContain('Nothing was imported');
    expect((await storedRules(popup)).length).toBe(5000);
    expect(await dnrRuleCount()).toBe(5000);
    expect(await put()).toBe(true);
  });

  it('the global switch still removes all 5,000 at once', async () => {
    steps.require('up to the limit');
    await popup.setChecked(POPUP.enabledSwitch, false);
    await expect.poll(dnrRuleCount, slow).toBe(0);
    await expect.poll(put).toBe(false);
  });
});
