// Firefox ESR with the built extension, driven by puppeteer-core over WebDriver BiDi (platform-facts:
// installExtension installs a temporary add-on; BiDi refuses to navigate to moz-extension:// URLs, so extension
// pages are opened from inside the extension and found as targets).
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import manifest from '../../manifest.json' with { type: 'json' };
import { type GrantedCopy, grantedCopy } from './granted-copy';
import { distFirefox, firefoxPath, requireBuild, requireFile } from './paths';

export const geckoId = manifest.browser_specific_settings.gecko.id;

export interface FirefoxSession {
  browser: Browser;
  /** The internal UUID we fixed for the add-on, so its pages have a known origin. */
  uuid: string;
  extensionUrl(path: string): string;
  /** A page running inside the extension (its welcome page, opened by the background on install). */
  extensionPage: Page;
  /** Opens an extension page by asking the extension itself to open it (BiDi cannot navigate there). */
  openExtensionPage(path: string): Promise<Page>;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(
  options: {
    extension?: boolean;
    /** Install a copy whose optional host permissions are granted (capture tests). */
    grantHosts?: boolean;
    /** More Firefox prefs, e.g. a short `extensions.background.idle.timeout` to make the event page suspend. */
    prefs?: Record<string, string | number | boolean>;
  } = {},
): Promise<FirefoxSession> {
  const { extension = true } = options;
  requireFile(firefoxPath, "install Firefox ESR as root: 'apt-get install -y firefox-esr'");
  if (extension) requireBuild(distFirefox);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.shell.checkDefaultBrowser': false,
      // Firefox's own switch for automation: permissions.request() resolves without a prompt, so the real
      // request path (popup click → permissions.request → rule) runs end to end.
      'extensions.webextOptionalPermissionPrompts': false,
      ...options.prefs,
    },
  });
  const extensionUrl = (path: string) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
  let copy: GrantedCopy | undefined;
  const close = async () => {
    await browser.close().catch(() => undefined);
    await copy?.remove(); // a temporary add-on is read from its folder while the browser runs
  };
  if (!extension) {
    return {
      browser,
      uuid,
      extensionUrl,
      extensionPage: undefined as unknown as Page,
      openExtensionPage: () => Promise.reject(new Error('launched without the extension')),
      newPage: () => browser.newPage(),
      close,
    };
  }
  try {
    if (options.grantHosts) copy = await grantedCopy(distFirefox, 'firefox-hosts-granted');
    await browser.installExtension(copy?.dir ?? distFirefox);
    const extensionPage = await findPage(browser, extensionUrl('src/welcome/'));
    return {
      browser,
      uuid,
      extensionUrl,
      extensionPage,
      async openExtensionPage(path) {
        const url = extensionUrl(path);
        await extensionPage.evaluate((u) => {
          void (globalThis as unknown as { browser: typeof chrome }).browser.tabs.create({ url: u });
        }, url);
        return findPage(browser, url);
      },
      newPage: () => browser.newPage(),
      close,
    };
  } catch (error) {
    await close();
    throw new Error(`CORS Lens did not start in Firefox: ${String(error)}`);
  }
}

/**
 * Finds the tab showing `urlPrefix`. Puppeteer's page.url() stays `about:blank` for moz-extension pages opened by
 * the extension (BiDi sends no navigation event for them), so ask each page where it is.
 */
export async function findPage(browser: Browser, urlPrefix: string, timeoutMs = 20_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(urlPrefix)) return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no Firefox tab showed ${urlPrefix} within ${timeoutMs / 1000} s`);
}
