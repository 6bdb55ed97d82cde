// Chromium for browser-under-test.ts, driven by playwright-core (chromium.ts launches it): extension pages are
// navigated to directly, the browser's verdicts come from the DevTools protocol, and the service worker is stopped
// through it (stop-service-worker.ts).
import type { Page } from 'playwright-core';
import type { BrowserSession, LaunchOptions, WebPage } from './browser-under-test';
import { collectCdpFailures } from './cdp-verdicts';
import { launchChromium } from './chromium';
import { type ExtensionPage, extensionPageOf } from './extension-page';
import { stopExtensionServiceWorker } from './stop-service-worker';
import { webPageOf } from './web-page';

export async function launchChromiumUnderTest(
  options: LaunchOptions,
  profile?: string,
): Promise<BrowserSession> {
  const session = await launchChromium({
    grantHosts: options.hostAccess === 'asked' || options.hostAccess === 'granted',
    extraArgs: options.extra?.chromium ?? [],
    ...(profile === undefined ? {} : { userDataDir: profile }),
  });
  try {
    const welcome = await session.openExtensionPage('src/welcome/index.html');
    const openExtensionPage = async (path: string) => extensionPage(await session.openExtensionPage(path));
    return {
      name: 'chromium',
      extensionOrigin: `chrome-extension://${session.extensionId}`,
      extension: extensionPage(welcome),
      openExtensionPage,
      async newPage(): Promise<WebPage> {
        const page = await session.newPage();
        const cdp = await session.context.newCDPSession(page);
        await cdp.send('Network.enable');
        return webPageOf(page, collectCdpFailures(cdp));
      },
      // The ping or event that follows wakes a new worker, as after Chromium stopped an idle one.
      stopBackground: () => stopExtensionServiceWorker(welcome),
      close: () => session.close(),
    };
  } catch (error) {
    await session.close();
    throw error;
  }
}

function extensionPage(page: Page): ExtensionPage {
  return extensionPageOf({
    page,
    fill: (selector, text) => page.fill(selector, text),
    async selectValue(selector, value) {
      await page.selectOption(selector, value);
    },
    upload: (selector, name, contents) =>
      page.setInputFiles(selector, { name, mimeType: 'application/json', buffer: Buffer.from(contents) }),
    wheel: (deltaY) => page.mouse.wheel(0, deltaY),
    resize: (width, height) => page.setViewportSize({ width, height }),
    async reload() {
      await page.reload();
    },
    beforeInput: async () => undefined,
  });
}
