// Stops the extension's service worker the way Chromium does when it idles or crashes it, through the DevTools
// protocol: a CDP session on one of the extension's own pages sees the extension's storage partition, where
// ServiceWorker.stopAllWorkers stops its worker.
import type { Page } from 'playwright-core';

/** Stops every service worker of the extension whose page `extensionPage` is; resolves once the stop was sent. */
export async function stopExtensionServiceWorker(extensionPage: Page): Promise<void> {
  const cdp = await extensionPage.context().newCDPSession(extensionPage);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
