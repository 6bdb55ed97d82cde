// The port problem in Chromium: two dev servers on one host (lab.pageOrigin and lab.page2Origin, both
// http://localhost:*) both allowed to read the same API with credentials. DNR matches hosts, not ports, and cannot
// echo the Origin, so each page origin gets its own session rule narrowed by tabIds (compile-rules.ts). A
// credentialed request passes only when ACAO is exactly the page's own origin, so a pass from each page proves
// each received its own origin.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { type Lab, startLab } from '../lab/server.mjs';
import { pollFor, popupPath, tryPut, tryPutFromWorker } from './override-helpers';

describe('Chromium: two dev servers on one host, one API', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  let pageA: Page;
  let pageB: Page;
  let ext: Page;
  const api = () => lab.apiOrigins[0] as string;

  const tabIdOf = (page: Page) =>
    ext.evaluate(async (url) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((t) => t.url === url)?.id ?? -1;
    }, page.url());
  const sessionRules = () => ext.evaluate(() => chrome.declarativeNetRequest.getSessionRules());
  const allowFrom = async (page: Page, pageOrigin: string) => {
    const popup = await chromium.openExtensionPage(popupPath(await tabIdOf(page), pageOrigin));
    await popup.getByLabel('Allow this page to read').fill(api());
    await popup.getByLabel('with credentials').check();
    await popup.getByRole('button', { name: 'Allow', exact: true }).click();
    await popup.getByText(`${pageOrigin} → ${api()}`).waitFor();
    await popup.close();
  };

  beforeAll(async () => {
    lab = await startLab();
    chromium = await launchChromium({ grantHosts: true });
    ext = await chromium.openExtensionPage('src/welcome/index.html');
    pageA = await chromium.newPage();
    await pageA.goto(`${lab.pageOrigin}/`);
    pageB = await chromium.newPage();
    await pageB.goto(`${lab.page2Origin}/`);
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  it('the lab really serves both pages from one host on two ports', () => {
    const a = new URL(lab.pageOrigin);
    const b = new URL(lab.page2Origin);
    expect(a.hostname).toBe(b.hostname);
    expect(a.port).not.toBe(b.port);
  });

  it('with one page allowed, that page passes and the other page on the same host still fails', async () => {
    expect(await tryPut(pageA, api())).toBe(false);
    expect(await tryPut(pageB, api())).toBe(false);
    await allowFrom(pageA, lab.pageOrigin);
    expect(await pollFor(() => tryPut(pageA, api()), true)).toBe(true);
    // B is matched by host too and receives A's origin: a credentialed read must fail (AllowOriginMismatch).
    expect(await tryPut(pageB, api())).toBe(false);
    const rules = await sessionRules();
    expect(rules).toHaveLength(1);
    expect(rules[0]?.condition.tabIds).toBeUndefined(); // unambiguous: no tab narrowing, workers covered
  });

  it('with both allowed, each page receives its own origin', async () => {
    await allowFrom(pageB, lab.page2Origin);
    expect(await pollFor(() => tryPut(pageB, api()), true)).toBe(true);
    expect(await tryPut(pageA, api())).toBe(true);
    const rules = await sessionRules();
    expect(rules).toHaveLength(2);
    const byOrigin = Object.fromEntries(
      rules.map((r) => [
        r.action.responseHeaders?.find((h) => h.header === 'access-control-allow-origin')?.value,
        r.condition.tabIds,
      ]),
    );
    expect(byOrigin[lab.pageOrigin]).toEqual([await tabIdOf(pageA)]);
    expect(byOrigin[lab.page2Origin]).toEqual([await tabIdOf(pageB)]);
  });

  it('a tab opened or navigated after the rules exist gets its own origin too', async () => {
    const pageC = await chromium.newPage();
    await pageC.goto(`${lab.page2Origin}/`);
    expect(await pollFor(() => tryPut(pageC, api()), true)).toBe(true);
    await pageC.goto(`${lab.pageOrigin}/`);
    expect(await pollFor(() => tryPut(pageC, api()), true)).toBe(true);
    expect(await tryPut(pageB, api())).toBe(true);
    await pageC.close();
  });

  it("a dedicated worker's requests carry its tab's id and are covered; removing one rule leaves the other page alone", async () => {
    expect(await tryPutFromWorker(pageA, api())).toBe(true);
    expect(await tryPutFromWorker(pageB, api())).toBe(true);
    const popup = await chromium.openExtensionPage(popupPath(await tabIdOf(pageB), lab.page2Origin));
    await popup.getByRole('button', { name: `Remove ${lab.page2Origin} → ${api()}` }).click();
    await expect.poll(() => sessionRules().then((r) => r.length), { timeout: 15_000 }).toBe(1);
    expect(await tryPut(pageB, api())).toBe(false);
    expect(await tryPut(pageA, api())).toBe(true);
    await popup.close();
  });
});
