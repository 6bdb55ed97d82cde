// Firefox ESR with the built extension, driven by puppeteer-core over WebDriver BiDi (platform-facts:
// installExtension installs a temporary add-on; BiDi refuses to navigate to moz-extension:// URLs, so extension
// pages are opened from inside the extension, or from Firefox's own windows, and found as targets).
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import manifest from '../../manifest.json' with { type: 'json' };
import { type ChromeScope, chromeScope, SYSTEM_ACCESS_ARG } from './firefox-chrome-scope';
import { type GrantedCopy, grantedCopy } from './granted-copy';
import { distFirefox, firefoxPath, requireBuild, requireFile } from './paths';

export const geckoId = manifest.browser_specific_settings.gecko.id;

export interface FirefoxSession {
  browser: Browser;
  /** The internal UUID we fixed for the add-on, so its pages have a known origin. */
  uuid: string;
  extensionUrl(path: string): string;
  /** A page running inside the extension (its welcome page). */
  extensionPage: Page;
  /** Opens an extension page in a new tab (BiDi cannot navigate there). */
  openExtensionPage(path: string): Promise<Page>;
  newPage(): Promise<Page>;
  /** Privileged script in Firefox's own windows; only with `systemAccess`. */
  chrome?: ChromeScope;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  extension?: boolean;
  /** Install a copy whose optional host permissions are granted (capture tests). */
  grantHosts?: boolean;
  /** More Firefox prefs, e.g. a short `extensions.background.idle.timeout` to make the event page suspend. */
  prefs?: Record<string, string | number | boolean>;
  /**
   * Use this profile directory and install the extension into it, so that it survives a browser restart (a
   * temporary add-on does not): a proxy file in <profile>/extensions names the build, which ESR accepts unsigned
   * with xpinstall.signatures.required off. The add-on's UUID is derived from the path, so its pages keep their
   * origin (and storage) from launch to launch.
   */
  profile?: string;
  /** Start with --remote-allow-system-access: `chrome` reaches Firefox's own windows, extension pages open from there. */
  systemAccess?: boolean;
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  const { extension = true, profile } = options;
  requireFile(firefoxPath, "install Firefox ESR as root: 'apt-get install -y firefox-esr'");
  if (extension) requireBuild(distFirefox);
  const uuid = profile === undefined ? randomUUID() : uuidFor(profile);
  const extensionUrl = (path: string) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
  let copy: GrantedCopy | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await copy?.remove(); // an add-on is read from its folder while the browser runs
  };
  try {
    if (extension && options.grantHosts)
      copy = await grantedCopy(distFirefox, 'firefox-hosts-granted', profile);
    const extensionDir = copy?.dir ?? distFirefox;
    if (extension && profile !== undefined) {
      await mkdir(join(profile, 'extensions'), { recursive: true });
      await writeFile(join(profile, 'extensions', geckoId), `${extensionDir}\n`);
    }
    const ff = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      args: [
        ...(profile === undefined ? [] : ['--profile', profile]),
        ...(options.systemAccess ? [SYSTEM_ACCESS_ARG] : []),
      ],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
        'datareporting.policy.dataSubmissionEnabled': false,
        'browser.shell.checkDefaultBrowser': false,
        // Firefox's own switch for automation: permissions.request() resolves without a prompt, so the real
        // request path (popup click → permissions.request → rule) runs end to end.
        'extensions.webextOptionalPermissionPrompts': false,
        ...(profile === undefined
          ? {}
          : {
              'xpinstall.signatures.required': false,
              // Enable the profile-scope add-on without asking (it is "sideloaded").
              'extensions.autoDisableScopes': 0,
              'extensions.enabledScopes': 15,
            }),
        ...options.prefs,
      },
    });
    browser = ff;
    const inChrome = options.systemAccess ? chromeScope(ff) : undefined;
    if (!extension)
      return {
        browser: ff,
        uuid,
        extensionUrl,
        extensionPage: undefined as unknown as Page,
        openExtensionPage: () => Promise.reject(new Error('launched without the extension')),
        newPage: () => ff.newPage(),
        close,
      };
    if (profile === undefined) await ff.installExtension(extensionDir);
    const openFromChrome = async (path: string) => {
      const url = extensionUrl(path);
      const before = new Set(await ff.pages());
      await inChrome?.(`(() => {
        const principal = Services.scriptSecurityManager.getSystemPrincipal();
        gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: principal });
        return true;
      })()`);
      return findPage(ff, url, 20_000, before);
    };
    // Without system access, the welcome page the background opens on install; with it, one opened here (a
    // restarted browser opens none).
    const extensionPage = inChrome
      ? await openFromChrome('src/welcome/index.html')
      : await findPage(ff, extensionUrl('src/welcome/'));
    return {
      browser: ff,
      uuid,
      extensionUrl,
      extensionPage,
      async openExtensionPage(path) {
        if (inChrome) return openFromChrome(path);
        const url = extensionUrl(path);
        await extensionPage.evaluate((u) => {
          void (globalThis as unknown as { browser: typeof chrome }).browser.tabs.create({ url: u });
        }, url);
        return findPage(ff, url);
      },
      newPage: () => ff.newPage(),
      ...(inChrome ? { chrome: inChrome } : {}),
      close,
    };
  } catch (error) {
    await close();
    throw new Error(`CORS Lens did not start in Firefox: ${String(error)}`);
  }
}

/** A UUID-shaped name that stays the same for a profile directory. */
function uuidFor(profile: string): string {
  const h = createHash('sha256').update(profile).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Finds the tab showing `urlPrefix` (none of the pages in `except`: a page just opened, not an older one on the same
 * URL). Puppeteer's page.url() stays `about:blank` for moz-extension pages opened by the extension (BiDi sends no
 * navigation event for them), so ask each page where it is, and wait until it can use the extension's API.
 */
export async function findPage(
  browser: Browser,
  urlPrefix: string,
  timeoutMs = 20_000,
  except = new Set<Page>(),
): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (except.has(page)) continue;
      // Ready, not only there: a document evaluated before Firefox gives it the extension API (its URL is already
      // set) has neither `browser` nor `chrome` yet, and a test's first evaluate failed on that race.
      const href = await page
        .evaluate(() => (document.readyState !== 'loading' && 'browser' in globalThis ? location.href : ''))
        .catch(() => '');
      if (href.startsWith(urlPrefix)) return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no Firefox tab showed ${urlPrefix} within ${timeoutMs / 1000} s`);
}
