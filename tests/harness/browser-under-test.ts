// One interface for either browser with the built extension, headless, for the end-to-end tests of what the
// extension does (capture, overrides, the popup and panel pages in tabs): a test is written once and run in
// Chromium and Firefox ESR. Where the browsers really differ, the implementations say why
// (browser-under-test-chromium.ts, browser-under-test-firefox.ts); the real-DevTools tests use real-browser.ts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromiumUnderTest } from './browser-under-test-chromium';
import { launchFirefoxUnderTest } from './browser-under-test-firefox';
import type { ExtensionPage } from './extension-page';
import { type EvaluatingPage, tabIdShowing } from './lab-page';
import type { BrowserName } from './real-browser';

export type { BrowserName } from './real-browser';

export interface LaunchOptions {
  /**
   * The extension's host access. 'none': the unmodified build, nothing granted. 'granted': a copy of the build
   * whose optional host permissions are granted at install (capture tests). 'asked': host access comes from the
   * product asking (the popup's Allow calls permissions.request): Firefox answers it without a prompt
   * (extensions.webextOptionalPermissionPrompts off); Chromium's prompt cannot be answered under automation (it
   * waits forever), so Chromium gets the granted copy and permissions.request resolves at once.
   */
  hostAccess?: 'none' | 'asked' | 'granted';
  /** Keep the profile on disk so that restart() reopens it: rules, storage and the extension survive. */
  restartable?: boolean;
  /**
   * The test stops the background with stopBackground(). Firefox suspends an idle event page only after its idle
   * timeout (30 s by default): it is cut to 1 s (extensions.background.idle.timeout), so suspensions are real and
   * come soon. Chromium stops its service worker on request, with or without this.
   */
  stopsBackground?: boolean;
  /** Browser-specific switches: Chromium command-line arguments, Firefox prefs. */
  extra?: { chromium?: string[]; firefox?: Record<string, string | number | boolean> };
}

/** What the browser itself reported about a failed lab request, its own verdict to check ours against. */
export interface BrowserVerdict {
  /** Chromium (DevTools protocol, Network.loadingFailed): corsErrorStatus.corsError, when it gave one. */
  corsError?: string;
  /** Chromium: the failure's errorText, e.g. net::ERR_FAILED. */
  errorText?: string;
  /** Firefox: its console messages naming the request (WebDriver BiDi page errors), one a line, in order. */
  console?: string;
}

/** A tab showing a web page (the lab). */
export interface WebPage extends EvaluatingPage {
  url(): string;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
  /** The browser's verdict on each failed lab request of this tab so far, by lab spec id. */
  verdicts(): Map<string, BrowserVerdict>;
}

export interface BrowserUnderTest {
  name: BrowserName;
  /** chrome-extension://<id> or moz-extension://<uuid>. */
  extensionOrigin: string;
  /** A new tab, blank. */
  newPage(): Promise<WebPage>;
  /**
   * An extension page (the welcome page) whose `chrome`/`browser` sees what the extension sees: storage, DNR rules,
   * the badge, permissions, messages to the background. It outlives background restarts.
   */
  extension: ExtensionPage;
  /** Opens an extension page (popup, panel, welcome; a path with its query) in a new tab. */
  openExtensionPage(path: string): Promise<ExtensionPage>;
  /** The id of the tab whose URL starts with `urlPrefix`, as the extension sees it (needs host access to it). */
  tabIdOf(urlPrefix: string): Promise<number>;
  /** Stops the background (launched with `stopsBackground`); resolves once it is not running. */
  stopBackground(): Promise<void>;
  /** Closes the browser and starts it again with the same profile (launched with `restartable`). */
  restart(): Promise<BrowserUnderTest>;
  close(): Promise<void>;
}

/** What each implementation provides; restarts and the kept profile are handled here, the same for both. */
export type BrowserSession = Omit<BrowserUnderTest, 'restart' | 'tabIdOf'>;

export async function launchBrowserUnderTest(
  name: BrowserName,
  options: LaunchOptions = {},
): Promise<BrowserUnderTest> {
  const profile = options.restartable
    ? await mkdtemp(join(tmpdir(), `cors-lens-${name}-profile-`))
    : undefined;
  const start = () =>
    name === 'chromium'
      ? launchChromiumUnderTest(options, profile)
      : launchFirefoxUnderTest(options, profile);
  const removeProfile = async () => {
    if (profile) await rm(profile, { recursive: true, force: true });
  };
  const wrap = (session: BrowserSession): BrowserUnderTest => ({
    ...session,
    tabIdOf: (urlPrefix) => tabIdShowing(session.extension, urlPrefix),
    async restart() {
      if (!profile) throw new Error('restart() needs a browser launched with restartable: true');
      await session.close();
      return wrap(await start());
    },
    async close() {
      await session.close();
      await removeProfile();
    },
  });
  try {
    return wrap(await start());
  } catch (error) {
    await removeProfile();
    throw error;
  }
}
