// Overriding in Firefox ESR, driven through the popup's UI: a blocked credentialed JSON PUT passes after one
// "Allow" (which goes through the real permissions.request path); the global switch and removing the rule restore
// the block; an invalid import changes nothing.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, launchFirefox } from '../harness/firefox';
import { type Lab, startLab } from '../lab/server.mjs';
import { specUrl } from '../lab/spec.mjs';

type Ext = { browser: typeof chrome };

describe('Firefox ESR: scoped overrides from the popup', () => {
  let lab: Lab;
  let firefox: FirefoxSession;
  let labPage: Page;
  let popup: Page;
  const api = () => lab.apiOrigins[0] as string;
  const tryPut = () =>
    labPage.evaluate(
      async (url) => {
        try {
          const r = await fetch(url, {
            method: 'PUT',
            credentials: 'include',
            headers: { 'Content-Type': 'application/json' },
            body: '{}',
            cache: 'no-store',
          });
          return r.ok;
        } catch {
          return false;
        }
      },
      specUrl(api(), { id: `put-${Math.random()}` }),
    );
  const sessionRules = () =>
    firefox.extensionPage.evaluate(() =>
      (globalThis as unknown as Ext).browser.declarativeNetRequest.getSessionRules(),
    );
  const grantedOrigins = () =>
    firefox.extensionPage.evaluate(() =>
      (globalThis as unknown as Ext).browser.permissions.getAll().then((p) => p.origins ?? []),
    );
  /** Polls until `fn` returns `want` (the browser applies a rule asynchronously), then returns what it saw. */
  const poll = async <T>(fn: () => Promise<T>, want: T, timeoutMs = 10_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    let seen = await fn();
    while (seen !== want && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await fn();
    }
    return seen;
  };
  const text = (selector: string) => popup.$eval(selector, (e) => e.textContent ?? '').catch(() => '');

  beforeAll(async () => {
    lab = await startLab();
    firefox = await launchFirefox();
    labPage = await firefox.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
    const tabId = await firefox.extensionPage.evaluate(
      (origin) =>
        (globalThis as unknown as Ext).browser.tabs
          .query({})
          .then((tabs) => tabs.find((t) => t.url?.startsWith(origin))?.id ?? -1),
      lab.pageOrigin,
    );
    popup = await firefox.openExtensionPage(
      `src/popup/index.html?tab=${tabId}&origin=${encodeURIComponent(lab.pageOrigin)}`,
    );
    await popup.waitForSelector('input[role="switch"][aria-label="Overrides enabled"]');
  });
  afterAll(async () => {
    await firefox?.close();
    await lab?.close();
  });

  it('asks for exactly the page and target hosts, and allows a blocked credentialed JSON PUT after one click', async () => {
    // A temporary add-on gets its required host permissions, but optional ones stay ungranted until requested.
    const before = await grantedOrigins();
    expect(before).not.toContain('http://localhost/*');
    expect(before).not.toContain('http://127.0.0.1/*');
    expect(await tryPut()).toBe(false);
    expect((await sessionRules()).length).toBe(0);

    await popup.bringToFront();
    await popup.locator('#allow-target').fill(api());
    await popup.locator('form.allow input[type="checkbox"]').click();
    await popup.locator('form.allow button[type="submit"]').click();

    expect(
      await poll(
        () => text('[data-testid="override-banner"]').then((t) => t.includes('1 override active')),
        true,
      ),
    ).toBe(true);
    // permissions.request ran inside the click and granted exactly the two hosts (ports aside: DNR needs hosts).
    const after = await grantedOrigins();
    expect(after).toEqual(expect.arrayContaining(['http://localhost/*', 'http://127.0.0.1/*']));
    expect(after).not.toContain('http://*/*');
    expect(await poll(tryPut, true)).toBe(true);
    const rules = JSON.stringify(await sessionRules());
    expect(rules).toContain(`"value":"${lab.pageOrigin}"`);
    expect(rules).not.toContain('"value":"*"');
  });

  it('the global switch removes every override at once', async () => {
    await popup.locator('input[role="switch"][aria-label="Overrides enabled"]').click();
    expect(await poll(() => sessionRules().then((r) => r.length), 0)).toBe(0);
    expect(await tryPut()).toBe(false);
    await popup.locator('input[role="switch"][aria-label="Overrides enabled"]').click();
    expect(await poll(tryPut, true)).toBe(true);
  });

  it('an invalid import names the bad entry and changes nothing, not even its valid entries', async () => {
    const before = JSON.stringify(await sessionRules());
    const rulesBefore = await popup.$$eval('li.rule', (items) => items.length);
    const input = (await popup.waitForSelector(
      '[data-testid="import-file"]',
    )) as ElementHandle<HTMLInputElement>;
    const file = `${await mkdtemp(join(tmpdir(), 'cors-lens-import-'))}/rules.json`;
    await writeFile(
      file,
      JSON.stringify({
        format: 'cors-lens/override-rules',
        version: 2,
        rules: [
          { pageOrigin: lab.page2Origin, target: api(), lifetime: 'pinned' },
          { pageOrigin: '*', target: api() },
        ],
      }),
    );
    await input.uploadFile(file);
    expect(
      await poll(
        () => text('[data-testid="import-result"]').then((t) => t.includes('Nothing was imported')),
        true,
      ),
    ).toBe(true);
    expect(await text('[data-testid="import-result"]')).toContain('rule 2: pageOrigin');
    expect(await popup.$$eval('li.rule', (items) => items.length)).toBe(rulesBefore);
    expect(JSON.stringify(await sessionRules())).toBe(before);
    expect(await tryPut()).toBe(true);
  });

  it('removing the rule restores the block', async () => {
    await popup.locator('button[aria-label^="Remove "]').click();
    expect(await poll(() => sessionRules().then((r) => r.length), 0)).toBe(0);
    expect(await tryPut()).toBe(false);
  });
});
