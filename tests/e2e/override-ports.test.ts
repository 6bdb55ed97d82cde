// The port problem: two dev servers on one host (lab.pageOrigin and lab.page2Origin, both http://localhost:*) both
// allowed to read the same API with credentials. DNR matches hosts, not ports, and cannot echo the Origin, so each
// page origin gets its own session rule narrowed by tabIds (compile-rules.ts). A credentialed request passes only
// when ACAO is exactly the page's own origin, so a pass from each page proves each received its own origin. The
// toolbar badge follows the override state, and timed rules that run out restore the block.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserName,
  type BrowserUnderTest,
  launchBrowserUnderTest,
  type WebPage,
} from '../harness/browser-under-test';
import { fileSteps } from '../harness/poll';
import { type Lab, startLab } from '../lab/server.mjs';
import {
  allowInPopup,
  badgeText,
  expireRulesIn,
  POPUP,
  popupPath,
  sessionRules,
  tryPut,
  tryPutFromWorker,
} from './override-helpers';

describe.each<BrowserName>(['chromium', 'firefox'])('%s: two dev servers on one host, one API', (name) => {
  let lab: Lab;
  let browser: BrowserUnderTest;
  let pageA: WebPage;
  let pageB: WebPage;
  const api = () => lab.apiOrigins[0] as string;
  const ruleCount = async () => (await sessionRules(browser.extension)).length;
  const tabIdOf = (origin: string) => browser.tabIdOf(`${origin}/`);
  // Each test continues from the rules the earlier ones made (vitest runs a file's tests in order).
  const steps = fileSteps();
  const allowFrom = async (pageOrigin: string) => {
    // The popup acts on the page origin it is given; the rule's tabIds come from the background's own view.
    const popup = await browser.openExtensionPage(popupPath(0, pageOrigin));
    await allowInPopup(popup, api());
    await popup.waitFor(POPUP.ruleName, `${pageOrigin} → ${api()}`);
    await popup.close();
  };

  beforeAll(async () => {
    lab = await startLab();
    browser = await launchBrowserUnderTest(name, { hostAccess: 'asked' });
    pageA = await browser.newPage();
    await pageA.goto(`${lab.pageOrigin}/`);
    pageB = await browser.newPage();
    await pageB.goto(`${lab.page2Origin}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await lab?.close();
  });

  it('the lab really serves both pages from one host on two ports', () => {
    const a = new URL(lab.pageOrigin);
    const b = new URL(lab.page2Origin);
    expect(a.hostname).toBe(b.hostname);
    expect(a.port).not.toBe(b.port);
  });

  it('with one page allowed, that page passes, the other page on the same host still fails, the badge is on', async () => {
    expect(await badgeText(browser.extension)).toBe('');
    expect(await tryPut(pageA, api())).toBe(false);
    expect(await tryPut(pageB, api())).toBe(false);
    await allowFrom(lab.pageOrigin);
    await expect.poll(() => tryPut(pageA, api())).toBe(true);
    // B is matched by host too and receives A's origin: a credentialed read must fail (AllowOriginMismatch).
    expect(await tryPut(pageB, api())).toBe(false);
    const rules = await sessionRules(browser.extension);
    expect(rules).toHaveLength(1);
    // Unambiguous: no tab narrowing, workers covered. (Firefox's getSessionRules reports an unset condition key
    // as null, Chromium's leaves it out: measured on Firefox ESR 153 and Chromium 156.)
    expect(rules[0]?.condition.tabIds ?? undefined).toBeUndefined();
    await expect.poll(() => badgeText(browser.extension)).toBe('ON');
    steps.done('one page allowed');
  });

  it('with both allowed, each page receives its own origin', async () => {
    steps.require('one page allowed');
    await allowFrom(lab.page2Origin);
    await expect.poll(() => tryPut(pageB, api())).toBe(true);
    expect(await tryPut(pageA, api())).toBe(true);
    const rules = await sessionRules(browser.extension);
    expect(rules).toHaveLength(2);
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

  it('a tab opened or navigated after the rules exist gets its own origin too', async () => {
    steps.require('both allowed');
    const pageC = await browser.newPage();
    await pageC.goto(`${lab.page2Origin}/`);
    await expect.poll(() => tryPut(pageC, api())).toBe(true);
    await pageC.goto(`${lab.pageOrigin}/`);
    await expect.poll(() => tryPut(pageC, api())).toBe(true);
    expect(await tryPut(pageB, api())).toBe(true);
    await pageC.close();
  });

  it("a dedicated worker's requests carry its tab's id and are covered; removing one rule leaves the other page alone", async () => {
    steps.require('both allowed');
    expect(await tryPutFromWorker(pageA, api())).toBe(true);
    expect(await tryPutFromWorker(pageB, api())).toBe(true);
    const popup = await browser.openExtensionPage(popupPath(0, lab.page2Origin));
    await popup.click(POPUP.button('Remove', `${lab.page2Origin} → ${api()}`));
    await expect.poll(ruleCount).toBe(1);
    expect(await tryPut(pageB, api())).toBe(false);
    expect(await tryPut(pageA, api())).toBe(true);
    await popup.close();
  });

  it('timed rules that run out restore the block and clear the badge', async () => {
    steps.require('both allowed');
    await allowFrom(lab.page2Origin); // both rules again, after the last test removed B's
    await expect.poll(() => tryPut(pageB, api())).toBe(true);
    // Both rules expire in 15 s: time enough to see them still apply on a slow machine.
    await expireRulesIn(browser.extension, 15_000);
    await expect.poll(() => tryPut(pageA, api())).toBe(true);
    await expect.poll(() => tryPut(pageA, api()), { timeout: 60_000 }).toBe(false);
    await expect.poll(() => tryPut(pageB, api())).toBe(false);
    await expect.poll(ruleCount).toBe(0);
    await expect.poll(() => badgeText(browser.extension)).toBe('');
  });
});
