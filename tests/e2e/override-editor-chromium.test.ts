// The popup's rule editor and countdown in Chromium: invalid fields are named next to the field and nothing is
// saved; a valid rule's options take effect (an allowed custom header, an exposed response header); an expired
// rule is revived with "Extend"; the popup fits 400×600 without horizontal scrolling and is keyboard-operable.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { type Lab, startLab } from '../lab/server.mjs';
import { specUrl } from '../lab/spec.mjs';
import { expireStoredRulesIn, pollFor, popupPath, tryPut } from './override-helpers';

describe('Chromium: the rule editor, extend, and the popup layout', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  let labPage: Page;
  let popup: Page;
  const api = () => lab.apiOrigins[0] as string;
  const storedRules = () =>
    popup.evaluate(() =>
      chrome.storage.local
        .get('rules')
        .then(
          (s) =>
            ((s.rules as { rules?: Record<string, unknown>[] } | undefined)?.rules ?? []) as Record<
              string,
              unknown
            >[],
        ),
    );
  /** A credentialed PUT with a custom header, reading a response header the lab sends. */
  const putWithTrace = () =>
    labPage.evaluate(
      async (url) => {
        try {
          const r = await fetch(url, {
            method: 'PUT',
            credentials: 'include',
            headers: { 'Content-Type': 'application/json', 'X-Trace': '1' },
            body: '{}',
            cache: 'no-store',
          });
          return { ok: r.ok, requestId: r.headers.get('x-request-id') };
        } catch {
          return { ok: false, requestId: null };
        }
      },
      specUrl(api(), { id: `trace-${Math.random()}`, response: { headers: [['X-Request-Id', '42']] } }),
    );

  beforeAll(async () => {
    lab = await startLab();
    chromium = await launchChromium({ grantHosts: true });
    labPage = await chromium.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
    popup = await chromium.openExtensionPage(popupPath(0, lab.pageOrigin));
    await popup.setViewportSize({ width: 400, height: 600 });
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  it('names each invalid field next to it and saves nothing', async () => {
    await popup.getByRole('button', { name: 'New rule…' }).click();
    await popup.getByLabel('Page origin').fill('localhost:*');
    await popup.getByLabel('Target (origin or URL prefix)').fill(api());
    await popup.getByLabel('Methods').fill('GET, PU T');
    await popup.getByLabel('Request headers to allow').fill('content-type, bad:name');
    await popup.getByLabel('Preflight max-age (seconds)').fill('-5');
    await popup.getByRole('button', { name: 'Save' }).click();
    for (const id of ['rule-pageOrigin', 'rule-requestHeaders', 'rule-maxAge']) {
      await popup.locator(`#${id}-error`).waitFor();
      expect(await popup.locator(`#${id}`).getAttribute('aria-invalid')).toBe('true');
    }
    expect(await popup.locator('#rule-requestHeaders-error').textContent()).toContain('bad:name');
    expect(await storedRules()).toEqual([]);
    expect(await tryPut(labPage, api())).toBe(false);
  });

  it("a valid rule's options take effect: custom request header allowed, response header exposed", async () => {
    await popup.getByLabel('Page origin').fill(lab.pageOrigin);
    await popup.getByLabel('Methods').fill('PUT');
    await popup.getByLabel('Request headers to allow').fill('content-type, x-trace');
    await popup.getByLabel('Response headers to expose').fill('x-request-id');
    await popup.getByLabel('Preflight max-age (seconds)').fill('');
    await popup.getByLabel('Allow credentials (cookies, HTTP auth)').check();
    await popup.getByRole('button', { name: 'Save' }).click();
    await popup.getByRole('button', { name: `Extend ${lab.pageOrigin} → ${api()}` }).waitFor();
    expect(await pollFor(() => putWithTrace().then((r) => r.ok), true)).toBe(true);
    expect(await putWithTrace()).toEqual({ ok: true, requestId: '42' });
  });

  it('an expired rule shows as expired and "Extend" brings it back for its lifetime', async () => {
    await expireStoredRulesIn(popup, 1000);
    await popup.reload();
    await expect
      .poll(() => popup.getByTestId('rule-state').textContent(), { timeout: 15_000 })
      .toBe('expired');
    expect(await pollFor(() => putWithTrace().then((r) => r.ok), false)).toBe(false);
    await popup.getByRole('button', { name: `Extend ${lab.pageOrigin} → ${api()}` }).click();
    await expect
      .poll(() => popup.getByTestId('rule-state').textContent(), { timeout: 15_000 })
      .toMatch(/^(59|60) min left$/);
    expect(await pollFor(() => putWithTrace().then((r) => r.ok), true)).toBe(true);
  });

  it('fits 400×600 without horizontal scrolling, and the one-click path works from the keyboard', async () => {
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await popup.getByRole('button', { name: `Remove ${lab.pageOrigin} → ${api()}` }).click();
    expect(await pollFor(() => tryPut(labPage, api()), false)).toBe(false);
    await popup.getByLabel('Allow this page to read').focus();
    await popup.keyboard.type(api());
    await popup.keyboard.press('Tab'); // lifetime
    await popup.keyboard.press('Tab'); // with credentials
    await popup.keyboard.press('Space');
    await popup.keyboard.press('Enter'); // submits the form
    expect(await pollFor(() => tryPut(labPage, api()), true)).toBe(true);
  });
});
