import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { openLabPage, runLabScenario } from '../harness/lab-page';
import { type Lab, startLab } from '../lab/server.mjs';

describe('Chromium: the built extension loads and the lab works', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  beforeAll(async () => {
    lab = await startLab();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  it('runs its background service worker from dist/chrome', async () => {
    const name = await chromium.serviceWorker.evaluate(() => chrome.runtime.getManifest().name);
    expect(name).toBe('CORS Lens');
    expect(chromium.serviceWorker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\//);
  });

  it('opens the popup, which reaches the background', async () => {
    const popup = await chromium.openExtensionPage('src/popup/index.html');
    await expect
      .poll(() => popup.getByTestId('background-status').textContent())
      .toContain('Background running');
    await popup.close();
  });

  it('renders the DevTools panel page', async () => {
    const panel = await chromium.openExtensionPage('src/panel/index.html?tab=1');
    await expect
      .poll(() => panel.getByRole('heading', { level: 1 }).textContent())
      .toContain('No cross-origin requests yet');
    await panel.close();
  });

  it('blocks a cross-origin request that the lab answers without CORS headers, as Chromium reports', async () => {
    const page = await chromium.newPage();
    const cdp = await chromium.context.newCDPSession(page);
    await cdp.send('Network.enable');
    const failures: { corsError?: string }[] = [];
    cdp.on('Network.loadingFailed', (event) =>
      failures.push({ corsError: event.corsErrorStatus?.corsError }),
    );
    await openLabPage(page, lab.pageOrigin);
    const blocked = await runLabScenario(page, 'simple-get-no-acao');
    const allowed = await runLabScenario(page, 'simple-get-allowed');
    expect(blocked.allowed).toBe(false);
    expect(allowed.allowed).toBe(true);
    await expect.poll(() => failures.map((f) => f.corsError)).toContain('MissingAllowOriginHeader');
    // The lab saw the request: the browser blocked the response, not the network.
    expect(lab.requests().some((r) => r.url.includes('/api?') && r.method === 'GET')).toBe(true);
    await page.close();
  });
});
