// Debian Chromium with the built extension, driven by playwright-core (platform-facts: launchPersistentContext,
// --load-extension, the closed network needs the background-networking flags).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { type GrantedCopy, grantedCopy } from './granted-copy';
import { chromiumPath, distChrome, requireBuild, requireFile } from './paths';

export interface ChromiumSession {
  context: BrowserContext;
  /** The extension's service worker (Chrome's background). */
  serviceWorker: Worker;
  extensionId: string;
  extensionUrl(path: string): string;
  /** Opens an extension page (popup, panel, welcome) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface ChromiumOptions {
  extension?: boolean;
  headless?: boolean;
  devtools?: boolean;
  extraArgs?: string[];
  /** Reuse a profile directory (browser-restart tests); a fresh temporary one otherwise. */
  userDataDir?: string;
  /**
   * Load a copy of dist/chrome whose optional host permissions are granted at install. Chromium has no way to
   * accept the extension permission prompt under automation (it waits forever), so tests that need host access
   * use this; Firefox tests exercise the real permissions.request path.
   */
  grantHosts?: boolean;
  /**
   * With grantHosts: the optional "debugger" permission granted at install too (answering preflights). Its prompt
   * cannot be accepted under automation either; the popup's real request path is covered by its UI test.
   */
  grantDebugger?: boolean;
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--no-default-browser-check',
];

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  const { extension = true, headless = true, devtools = false, extraArgs = [] } = options;
  requireFile(chromiumPath, "install Debian's Chromium as root: 'apt-get install -y chromium'");
  if (extension) requireBuild(distChrome);
  const ownDir = options.userDataDir === undefined;
  const dir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'cors-lens-chromium-')));
  let copy: GrantedCopy | undefined;
  const removeFiles = async () => {
    await copy?.remove();
    if (ownDir) await rm(dir, { recursive: true, force: true });
  };
  let context: BrowserContext;
  try {
    // A reused profile keeps its copy's path (and so the extension's id) from launch to launch.
    if (extension && options.grantHosts)
      copy = await grantedCopy(
        distChrome,
        options.grantDebugger ? 'chrome-debugger-granted' : 'chrome-hosts-granted',
        options.userDataDir,
        options.grantDebugger ? ['debugger'] : [],
      );
    const extensionDir = copy?.dir ?? distChrome;
    const args = [...chromiumArgs, ...extraArgs];
    if (extension)
      args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
    if (devtools) args.push('--auto-open-devtools-for-tabs');
    context = await chromium.launchPersistentContext(dir, {
      executablePath: chromiumPath,
      headless,
      args,
      ignoreDefaultArgs: ['--disable-extensions'],
      viewport: { width: 1280, height: 800 },
    });
  } catch (error) {
    await removeFiles();
    throw error;
  }
  const close = async () => {
    await context.close().catch(() => undefined);
    await removeFiles();
  };
  if (!extension) {
    const none = () => Promise.reject(new Error('launched without the extension'));
    return {
      context,
      serviceWorker: undefined as unknown as Worker,
      extensionId: '',
      extensionUrl: () => '',
      openExtensionPage: none,
      newPage: () => context.newPage(),
      close,
    };
  }
  try {
    const serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
    return {
      context,
      serviceWorker,
      extensionId,
      extensionUrl,
      async openExtensionPage(path) {
        const page = await context.newPage();
        await page.goto(extensionUrl(path));
        return page;
      },
      newPage: () => context.newPage(),
      close,
    };
  } catch (error) {
    await close();
    throw new Error(`CORS Lens did not start in Chromium (no service worker within 20 s): ${String(error)}`);
  }
}
