// The built extension loads in each browser, its pages reach the background, and the lab blocks what it should,
// as the browser itself reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserName,
  type BrowserUnderTest,
  launchBrowserUnderTest,
} from '../harness/browser-under-test';
import { openLabPage, runLabScenario } from '../harness/lab-page';
import { type Lab, startLab } from '../lab/server.mjs';

/** Chromium derives an unpacked extension's id from its path; the Firefox harness fixes the add-on's UUID. */
const EXTENSION_ORIGIN: Record<BrowserName, RegExp> = {
  chromium: /^chrome-extension:\/\/[a-p]{32}$/,
  firefox: /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
};

describe.each<BrowserName>(['chromium', 'firefox'])(
  '%s: the built extension loads and the lab works',
  (name) => {
    let lab: Lab;
    let browser: BrowserUnderTest;
    beforeAll(async () => {
      lab = await startLab();
      browser = await launchBrowserUnderTest(name);
    });
    afterAll(async () => {
      await browser?.close();
      await lab?.close();
    });

    it('installs from the build and its background answers the welcome page', async () => {
      expect(browser.extensionOrigin).toMatch(EXTENSION_ORIGIN[name]);
      expect(
        await browser.extension.evaluate('(globalThis.browser ?? chrome).runtime.getManifest().name'),
      ).toBe('CORS Lens');
      const status = '[data-testid="background-status"]';
      await expect.poll(() => browser.extension.text(status)).toContain('Background running');
      expect(await browser.extension.text(status)).toContain('CORS Lens 0.1.0');
    });

    it('opens the popup, which reaches the background', async () => {
      const popup = await browser.openExtensionPage('src/popup/index.html');
      await expect
        .poll(() => popup.text('[data-testid="background-status"]'))
        .toContain('Background running');
      await popup.close();
    });

    it('renders the DevTools panel page', async () => {
      const panel = await browser.openExtensionPage('src/panel/index.html?tab=1');
      await expect.poll(() => panel.text('h1')).toContain('No cross-origin requests yet');
      await panel.close();
    });

    it('blocks a cross-origin request that the lab answers without CORS headers, as the browser reports', async () => {
      const page = await browser.newPage();
      await openLabPage(page, lab.pageOrigin);
      expect((await runLabScenario(page, 'simple-get-no-acao')).allowed).toBe(false);
      expect((await runLabScenario(page, 'simple-get-allowed')).allowed).toBe(true);
      const verdict = () => page.verdicts().get('simple-get-no-acao');
      if (name === 'chromium') await expect.poll(() => verdict()?.corsError).toBe('MissingAllowOriginHeader');
      else
        await expect
          .poll(() => verdict()?.console)
          .toContain('(Reason: CORS header ‘Access-Control-Allow-Origin’ missing)');
      expect(page.verdicts().has('simple-get-allowed')).toBe(false);
      // The lab saw the request: the browser blocked the response, not the network.
      expect(lab.requests().some((r) => r.url.includes('/api?') && r.method === 'GET')).toBe(true);
      await page.close();
    });
  },
);
