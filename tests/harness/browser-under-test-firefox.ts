// Firefox ESR for browser-under-test.ts, driven by puppeteer-core over WebDriver BiDi (firefox.ts launches it, with
// system access: extension pages open from Firefox's own windows, since BiDi will not navigate to them, and the
// event page's state is read there). The browser's verdicts are its console messages.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { BrowserSession, LaunchOptions, WebPage } from './browser-under-test';
import { type ExtensionPage, extensionPageOf } from './extension-page';
import { geckoId, launchFirefox } from './firefox';
import { collectConsoleVerdicts } from './firefox-console-verdicts';
import { until } from './real-browser';
import { webPageOf } from './web-page';

/**
 * The idle time after which Firefox suspends the event page when the test stops it (30 s by default). Longer than
 * the log mirror's quiet second (log-store.ts), as Firefox's default is: at 1 s the suspension raced the mirror and
 * a stopped event page sometimes lost rows it had not mirrored yet (observe-badge.test.ts, about 1 run in 3).
 */
const IDLE_MS = 2500;

export async function launchFirefoxUnderTest(
  options: LaunchOptions,
  profile?: string,
): Promise<BrowserSession> {
  const session = await launchFirefox({
    grantHosts: options.hostAccess === 'granted',
    systemAccess: true,
    prefs: {
      ...(options.stopsBackground ? { 'extensions.background.idle.timeout': IDLE_MS } : {}),
      ...options.extra?.firefox,
    },
    ...(profile === undefined ? {} : { profile }),
  });
  const inChrome = session.chrome;
  if (!inChrome) throw new Error('Firefox was launched without system access');
  let uploads: string | undefined;
  const extensionPage = (page: Page): ExtensionPage =>
    extensionPageOf({
      page,
      async fill(selector, text) {
        // Select what is there, delete it, type (Puppeteer's fill leaves the old value when `text` is empty).
        await page.focus(selector);
        await page.evaluate(`document.querySelector(${JSON.stringify(selector)}).select()`);
        await page.keyboard.press('Backspace');
        if (text) await page.keyboard.type(text);
      },
      async selectValue(selector, value) {
        await page.select(selector, value);
      },
      async upload(selector, name, contents) {
        uploads ??= await mkdtemp(join(tmpdir(), 'cors-lens-uploads-'));
        const file = join(uploads, name);
        await writeFile(file, contents);
        const input = (await page.$(selector)) as ElementHandle<HTMLInputElement>;
        await input.uploadFile(file);
      },
      wheel: (deltaY) => page.mouse.wheel({ deltaY }),
      resize: (width, height) => page.setViewport({ width, height }),
      async reload() {
        // BiDi sends no navigation events for moz-extension pages (page.reload would wait forever): reload from
        // inside, then wait for the new document.
        await page.evaluate('window.__corsLensOld = true; setTimeout(() => location.reload())');
        await until('the reloaded page', () =>
          page.evaluate(`!window.__corsLensOld && document.readyState === 'complete'`),
        );
      },
      beforeInput: () => page.bringToFront(),
    });
  return {
    name: 'firefox',
    extensionOrigin: `moz-extension://${session.uuid}`,
    extension: extensionPage(session.extensionPage),
    openExtensionPage: async (path) => extensionPage(await session.openExtensionPage(path)),
    async newPage(): Promise<WebPage> {
      const page = await session.newPage();
      return webPageOf(page, collectConsoleVerdicts(page));
    },
    async stopBackground() {
      // Firefox has no call to stop an event page: it suspends an idle one by itself (measured on 153: within
      // about a second of the last event with a 1 s timeout, an open runtime.Port notwithstanding). Its state is
      // read from Firefox's own windows, which does not wake it.
      if (!options.stopsBackground)
        throw new Error('stopBackground() in Firefox needs a browser launched with stopsBackground: true');
      await until('Firefox to suspend the idle event page', async () => {
        const state = await inChrome<string>(
          `WebExtensionPolicy.getByID(${JSON.stringify(geckoId)}).extension.backgroundState`,
        );
        return state === 'stopped';
      });
    },
    async close() {
      await session.close();
      if (uploads) await rm(uploads, { recursive: true, force: true });
    },
  };
}
