// Overriding in Chromium, driven through the popup's UI: a blocked credentialed JSON PUT passes after one
// "Allow"; the global switch and removing the rule restore the block; an invalid import changes nothing.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { tabIdOf } from '../harness/lab-page';
import { type Lab, startLab } from '../lab/server.mjs';
import { popupPath, tryPut } from './override-helpers';

describe('Chromium: scoped overrides from the popup', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  let labPage: Page;
  let popup: Page;
  const api = () => lab.apiOrigins[0] as string;
  const put = () => tryPut(labPage, api());

  beforeAll(async () => {
    lab = await startLab();
    chromium = await launchChromium({ grantHosts: true });
    labPage = await chromium.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
    const ext = await chromium.openExtensionPage('src/welcome/index.html');
    const tabId = await tabIdOf(ext, lab.pageOrigin);
    popup = await chromium.openExtensionPage(popupPath(tabId, lab.pageOrigin));
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  it('allows a blocked credentialed JSON PUT after one click, and only then', async () => {
    expect(await put()).toBe(false);
    expect(
      await chromium.serviceWorker.evaluate(() =>
        chrome.declarativeNetRequest.getSessionRules().then((r) => r.length),
      ),
    ).toBe(0);
    await popup.getByLabel('Allow this page to read').fill(api());
    await popup.getByLabel('with credentials').check();
    await popup.getByRole('button', { name: 'Allow', exact: true }).click();
    await expect
      .poll(() => popup.getByTestId('override-banner').textContent(), { timeout: 15_000 })
      .toContain('1 override active');
    await expect.poll(put, { timeout: 15_000 }).toBe(true);
    const rules = await chromium.serviceWorker.evaluate(() => chrome.declarativeNetRequest.getSessionRules());
    const headers = JSON.stringify(rules);
    expect(headers).toContain(lab.pageOrigin);
    expect(headers).not.toContain('"value":"*"');
  });

  it('the global switch removes every override at once', async () => {
    await popup.getByRole('switch', { name: 'Overrides enabled' }).uncheck();
    await expect
      .poll(
        () =>
          chromium.serviceWorker.evaluate(() =>
            chrome.declarativeNetRequest.getSessionRules().then((r) => r.length),
          ),
        { timeout: 15_000 },
      )
      .toBe(0);
    expect(await put()).toBe(false);
    await popup.getByRole('switch', { name: 'Overrides enabled' }).check();
    await expect.poll(put, { timeout: 15_000 }).toBe(true);
  });

  it('an invalid import is rejected with the bad entry named, and the existing rule stays', async () => {
    await popup.getByTestId('import-file').setInputFiles({
      name: 'rules.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'cors-lens-rules',
          version: 2,
          rules: [{ pageOrigin: '*', target: 'http://x' }],
        }),
      ),
    });
    await expect
      .poll(() => popup.getByTestId('import-result').textContent(), { timeout: 15_000 })
      .toContain('Nothing was imported');
    expect(await put()).toBe(true);
  });

  it('removing the rule restores the block', async () => {
    await popup.getByRole('button', { name: /^Remove / }).click();
    await expect
      .poll(
        () =>
          chromium.serviceWorker.evaluate(() =>
            chrome.declarativeNetRequest.getSessionRules().then((r) => r.length),
          ),
        { timeout: 15_000 },
      )
      .toBe(0);
    expect(await put()).toBe(false);
  });
});
