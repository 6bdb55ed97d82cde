// The popup's list of what the page called: with a CORS panel watching the tab (the stream is subscribed to as the
// panel does), the popup lists each cross-origin target with its blocked count; one switch allows a target with
// what the page sent (credentials, methods); a target whose preflight was answered 404 is marked as one no header
// can fix — and indeed the override does not rescue it.
// One-click rules from the log allow credentials; where no call showed them (no cookie, no page call seen) the
// popup says "assumed" (observed-targets.ts explains why that is safe). Here the page's fetch() asked for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserName,
  type BrowserUnderTest,
  launchBrowserUnderTest,
  type WebPage,
} from '../harness/browser-under-test';
import type { ExtensionPage } from '../harness/extension-page';
import { subscribeToTab, waitForEntries } from '../harness/panel-stream';
import { type Lab, startLab } from '../lab/server.mjs';
import { POPUP, popupPath, storedRules, tryPut } from './override-helpers';

describe.each<BrowserName>(['chromium', 'firefox'])(
  '%s: the popup lists the targets this page called',
  (name) => {
    let lab: Lab;
    let browser: BrowserUnderTest;
    let labPage: WebPage;
    let popup: ExtensionPage;
    const fixable = () => lab.apiOrigins[0] as string;
    const unfixable = () => lab.apiOrigins[1] as string;
    const preflight404 = { preflight: { status: 404 } };
    const item = (origin: string) => `[data-testid="observed-targets"] li[data-target="${origin}"]`;
    const switchFor = (origin: string) => `input[role="switch"][aria-label="Allow ${origin} from this page"]`;

    beforeAll(async () => {
      lab = await startLab();
      browser = await launchBrowserUnderTest(name, { hostAccess: 'granted' });
      labPage = await browser.newPage();
      await labPage.goto(`${lab.pageOrigin}/`);
      await labPage.evaluate(`document.cookie = 'sid=dev-session; path=/'`);
      const tabId = await browser.tabIdOf(`${lab.pageOrigin}/`);
      await subscribeToTab(browser.extension, tabId);
      expect(await tryPut(labPage, fixable())).toBe(false);
      expect(await tryPut(labPage, unfixable(), preflight404)).toBe(false);
      await waitForEntries(
        browser.extension,
        (entries) => entries.filter((e) => e.record.outcome !== 'pending').length >= 2,
        'two blocked PUTs',
      );
      popup = await browser.openExtensionPage(popupPath(tabId, lab.pageOrigin));
    });
    afterAll(async () => {
      await browser?.close();
      await lab?.close();
    });

    it('lists each target with its blocked count, and says plainly when headers cannot fix it', async () => {
      await expect.poll(() => popup.text(item(fixable()))).toContain('1 blocked');
      // The page's own fetch() asked for credentials (the hook in the page saw it): observed, not assumed.
      expect(await popup.text(item(fixable()))).toContain('credentials');
      expect(await popup.text(item(fixable()))).not.toContain('(assumed)');
      expect(await popup.count(`${item(fixable())} [data-testid="unfixable-preflight"]`)).toBe(0);
      expect(await popup.text(item(fixable()))).not.toContain('cannot change a status code');
      await expect.poll(() => popup.text(item(unfixable()))).toContain('1 blocked');
      expect(await popup.text(`${item(unfixable())} [data-testid="unfixable-preflight"]`)).toContain(
        'with 404. An override can add headers but cannot change a status code',
      );
    });

    it('one switch allows a target with what the page sent, and the blocked PUT passes', async () => {
      await popup.setChecked(switchFor(fixable()), true);
      await expect.poll(() => tryPut(labPage, fixable())).toBe(true);
      // The DNR rule is installed before the model is saved (rules-service.ts), so the request can pass first.
      await expect
        .poll(() => storedRules(popup))
        .toEqual([
          expect.objectContaining({
            target: expect.objectContaining({ origin: fixable() }),
            credentials: true,
            methods: ['PUT'],
          }),
        ]);
    });

    it('the override does not rescue the 404 preflight, as the popup said', async () => {
      await popup.setChecked(switchFor(unfixable()), true);
      await expect.poll(() => popup.text(POPUP.banner)).toContain('2 overrides active');
      expect(await tryPut(labPage, unfixable(), preflight404)).toBe(false);
      // The same target with a 204 preflight passes under the same rule: the status alone is the obstacle.
      expect(await tryPut(labPage, unfixable())).toBe(true);
    });

    it('switching a target off removes its rule and restores the block', async () => {
      await popup.setChecked(switchFor(fixable()), false);
      await expect.poll(() => tryPut(labPage, fixable())).toBe(false);
      await expect.poll(() => popup.text(POPUP.banner)).toContain('1 override active');
    });
  },
);
