import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, launchFirefox } from '../harness/firefox';
import { openLabPage, runLabScenario } from '../harness/lab-page';
import { type Lab, startLab } from '../lab/server.mjs';

describe('Firefox ESR: the built extension loads and the lab works', () => {
  let lab: Lab;
  let firefox: FirefoxSession;
  beforeAll(async () => {
    lab = await startLab();
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await lab?.close();
  });

  it('installs from dist/firefox and its background answers the welcome page', async () => {
    const page = firefox.extensionPage;
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="background-status"]')
          ?.textContent?.includes('Background running'),
      { timeout: 15_000 },
    );
    const text = await page.$eval('[data-testid="background-status"]', (e) => e.textContent);
    expect(text).toContain('CORS Lens 0.1.0');
  });

  it('opens the popup page, which reaches the background', async () => {
    const popup = await firefox.openExtensionPage('src/popup/index.html');
    await popup.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="background-status"]')
          ?.textContent?.includes('Background running'),
      { timeout: 15_000 },
    );
    await popup.close();
  });

  it('blocks a cross-origin request that the lab answers without CORS headers', async () => {
    const page = await firefox.newPage();
    await openLabPage(page, lab.pageOrigin);
    expect((await runLabScenario(page, 'simple-get-no-acao')).allowed).toBe(false);
    expect((await runLabScenario(page, 'simple-get-allowed')).allowed).toBe(true);
    await page.close();
  });
});
