// The popup's list of what the page called, in Firefox ESR (see override-observed-chromium.test.ts): with a CORS
// panel watching the tab, each cross-origin target is listed with its blocked count; a 404 preflight is marked as
// one no header can fix, and the override indeed does not rescue it; one switch allows the other target.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, launchFirefox } from '../harness/firefox';
import { subscribeToTab, waitForEntries } from '../harness/panel-stream';
import { type Lab, startLab } from '../lab/server.mjs';
import { pollFor, popupPath, tryPut } from './override-helpers';

describe('Firefox ESR: the popup lists the targets this page called', () => {
  let lab: Lab;
  let firefox: FirefoxSession;
  let labPage: Page;
  let popup: Page;
  const fixable = () => lab.apiOrigins[0] as string;
  const unfixable = () => lab.apiOrigins[1] as string;
  const preflight404 = { preflight: { status: 404 } };
  const textOf = (selector: string) => popup.$eval(selector, (e) => e.textContent ?? '').catch(() => '');
  const itemText = (origin: string) => textOf(`[data-testid="observed-targets"] li[data-target="${origin}"]`);
  const switchFor = (origin: string) => `input[role="switch"][aria-label="Allow ${origin} from this page"]`;

  beforeAll(async () => {
    lab = await startLab();
    firefox = await launchFirefox({ grantHosts: true });
    labPage = await firefox.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
    const tabId = (await firefox.extensionPage.evaluate(
      `browser.tabs.query({}).then((tabs) => tabs.find((t) => (t.url ?? '').startsWith('${lab.pageOrigin}/'))?.id)`,
    )) as number;
    await subscribeToTab(firefox.extensionPage, tabId);
    expect(await tryPut(labPage, fixable())).toBe(false);
    expect(await tryPut(labPage, unfixable(), preflight404)).toBe(false);
    await waitForEntries(
      firefox.extensionPage,
      (entries) => entries.filter((e) => e.record.outcome !== 'pending').length >= 2,
      'two blocked PUTs',
    );
    popup = await firefox.openExtensionPage(popupPath(tabId, lab.pageOrigin));
    await popup.bringToFront();
  });
  afterAll(async () => {
    await firefox?.close();
    await lab?.close();
  });

  it('lists each target with its blocked count, and says plainly when headers cannot fix it', async () => {
    expect(await pollFor(() => itemText(fixable()).then((t) => t.includes('1 blocked')), true)).toBe(true);
    expect(await itemText(fixable())).not.toContain('cannot change a status code');
    expect(await pollFor(() => itemText(unfixable()).then((t) => t.includes('1 blocked')), true)).toBe(true);
    expect(await itemText(unfixable())).toContain(
      'with 404. An override can add headers but cannot change a status code',
    );
  });

  it('one switch allows a target and the blocked PUT passes; the 404 preflight stays blocked', async () => {
    await popup.locator(switchFor(fixable())).click();
    expect(await pollFor(() => tryPut(labPage, fixable()), true)).toBe(true);
    await popup.locator(switchFor(unfixable())).click();
    const banner = () => textOf('[data-testid="override-banner"]');
    expect(await pollFor(() => banner().then((t) => t.includes('2 overrides active')), true)).toBe(true);
    expect(await tryPut(labPage, unfixable(), preflight404)).toBe(false);
    expect(await tryPut(labPage, unfixable())).toBe(true);
  });
});
