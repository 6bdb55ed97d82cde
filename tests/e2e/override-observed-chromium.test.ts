// The popup's list of what the page called, in Chromium: with a CORS panel watching the tab (the stream is
// subscribed to as the panel does), the popup lists each cross-origin target with its blocked count; one switch
// allows a target with what the page sent (credentials, methods); a target whose preflight was answered 404 is
// marked as one no header can fix — and indeed the override does not rescue it.
// One-click rules from the log allow credentials; where no call showed them (no cookie, no page call seen) the
// popup says "assumed" (observed-targets.ts explains why that is safe). Here the page's fetch() asked for them.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { subscribeToTab, waitForEntries } from '../harness/panel-stream';
import { type Lab, startLab } from '../lab/server.mjs';
import { pollFor, popupPath, tryPut } from './override-helpers';

describe('Chromium: the popup lists the targets this page called', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  let labPage: Page;
  let ext: Page;
  let popup: Page;
  const fixable = () => lab.apiOrigins[0] as string;
  const unfixable = () => lab.apiOrigins[1] as string;
  const preflight404 = { preflight: { status: 404 } };
  const targetItem = (origin: string) =>
    popup.locator(`[data-testid="observed-targets"] li[data-target="${origin}"]`);

  beforeAll(async () => {
    lab = await startLab();
    chromium = await launchChromium({ grantHosts: true });
    ext = await chromium.openExtensionPage('src/welcome/index.html');
    labPage = await chromium.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
    const tabId = await ext.evaluate(
      (origin) => chrome.tabs.query({ url: `${origin}/*` }).then((t) => t[0]?.id ?? -1),
      lab.pageOrigin,
    );
    await chromium.context.addCookies([
      { name: 'sid', value: 'dev-session', domain: 'localhost', path: '/' },
    ]);
    await subscribeToTab(ext, tabId);
    expect(await tryPut(labPage, fixable())).toBe(false);
    expect(await tryPut(labPage, unfixable(), preflight404)).toBe(false);
    await waitForEntries(
      ext,
      (entries) => entries.filter((e) => e.record.outcome !== 'pending').length >= 2,
      'two blocked PUTs',
    );
    popup = await chromium.openExtensionPage(popupPath(tabId, lab.pageOrigin));
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  it('lists each target with its blocked count, and says plainly when headers cannot fix it', async () => {
    await expect.poll(() => targetItem(fixable()).textContent(), { timeout: 15_000 }).toContain('1 blocked');
    // The page's own fetch() asked for credentials (the hook in the page saw it): observed, not assumed.
    expect(await targetItem(fixable()).textContent()).toContain('credentials');
    expect(await targetItem(fixable()).textContent()).not.toContain('(assumed)');
    expect(await targetItem(fixable()).getByTestId('unfixable-preflight').count()).toBe(0);
    await expect
      .poll(() => targetItem(unfixable()).textContent(), { timeout: 15_000 })
      .toContain('1 blocked');
    expect(await targetItem(unfixable()).getByTestId('unfixable-preflight').textContent()).toContain(
      'with 404. An override can add headers but cannot change a status code',
    );
  });

  it('one switch allows a target with what the page sent, and the blocked PUT passes', async () => {
    await popup.getByRole('switch', { name: `Allow ${fixable()} from this page` }).check();
    expect(await pollFor(() => tryPut(labPage, fixable()), true)).toBe(true);
    const rules = await popup.evaluate(() => chrome.storage.local.get('rules'));
    const stored = (
      rules.rules as { rules: { target: { origin: string }; credentials: boolean; methods: string[] }[] }
    ).rules;
    expect(stored).toEqual([
      expect.objectContaining({
        target: expect.objectContaining({ origin: fixable() }),
        credentials: true,
        methods: ['PUT'],
      }),
    ]);
  });

  it('the override does not rescue the 404 preflight, as the popup said', async () => {
    await popup.getByRole('switch', { name: `Allow ${unfixable()} from this page` }).check();
    await expect
      .poll(() => popup.getByTestId('override-banner').textContent(), { timeout: 15_000 })
      .toContain('2 overrides active');
    expect(await tryPut(labPage, unfixable(), preflight404)).toBe(false);
    // The same target with a 204 preflight passes under the same rule: the status alone is the obstacle.
    expect(await tryPut(labPage, unfixable())).toBe(true);
  });

  it('switching a target off removes its rule and restores the block', async () => {
    await popup.getByRole('switch', { name: `Allow ${fixable()} from this page` }).uncheck();
    expect(await pollFor(() => tryPut(labPage, fixable()), false)).toBe(false);
    await expect
      .poll(() => popup.getByTestId('override-banner').textContent(), { timeout: 15_000 })
      .toContain('1 override active');
  });
});
