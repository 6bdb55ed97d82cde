// Overriding in Firefox ESR, driven through the popup's UI: a blocked credentialed JSON PUT passes after one
// "Allow" (which goes through the real permissions.request path); the global switch and removing the rule restore
// the block; an invalid import changes nothing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, launchFirefox } from '../harness/firefox';
import { type Lab, startLab } from '../lab/server.mjs';
import { pollFor, popupPath, tryPut } from './override-helpers';

type Ext = { browser: typeof chrome };

describe('Firefox ESR: scoped overrides from the popup', () => {
  let lab: Lab;
  let firefox: FirefoxSession;
  let labPage: Page;
  let popup: Page;
  let importDir: string | undefined;
  const api = () => lab.apiOrigins[0] as string;
  const put = () => tryPut(labPage, api());
  const sessionRules = () =>
    firefox.extensionPage.evaluate(() =>
      (globalThis as unknown as Ext).browser.declarativeNetRequest.getSessionRules(),
    );
  const grantedOrigins = () =>
    firefox.extensionPage.evaluate(() =>
      (globalThis as unknown as Ext).browser.permissions.getAll().then((p) => p.origins ?? []),
    );
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
    popup = await firefox.openExtensionPage(popupPath(tabId, lab.pageOrigin));
    await popup.waitForSelector('input[role="switch"][aria-label="Overrides enabled"]');
  });
  afterAll(async () => {
    await firefox?.close();
    await lab?.close();
    if (importDir) await rm(importDir, { recursive: true, force: true });
  });

  it('asks for exactly the page and target hosts, and allows a blocked credentialed JSON PUT after one click', async () => {
    // A temporary add-on gets its required host permissions, but optional ones stay ungranted until requested.
    const before = await grantedOrigins();
    expect(before).not.toContain('http://localhost/*');
    expect(before).not.toContain('http://127.0.0.1/*');
    expect(await put()).toBe(false);
    expect((await sessionRules()).length).toBe(0);

    await popup.bringToFront();
    await popup.locator('#allow-target').fill(api());
    await popup.locator('form.allow input[type="checkbox"]').click();
    await popup.locator('form.allow button[type="submit"]').click();

    expect(
      await pollFor(
        () => text('[data-testid="override-banner"]').then((t) => t.includes('1 override active')),
        true,
      ),
    ).toBe(true);
    // permissions.request ran inside the click and granted exactly the two hosts (ports aside: DNR needs hosts).
    const after = await grantedOrigins();
    expect(after).toEqual(expect.arrayContaining(['http://localhost/*', 'http://127.0.0.1/*']));
    expect(after).not.toContain('http://*/*');
    expect(await pollFor(put, true)).toBe(true);
    const rules = JSON.stringify(await sessionRules());
    expect(rules).toContain(`"value":"${lab.pageOrigin}"`);
    expect(rules).not.toContain('"value":"*"');
  });

  it('the global switch removes every override at once', async () => {
    await popup.locator('input[role="switch"][aria-label="Overrides enabled"]').click();
    expect(await pollFor(() => sessionRules().then((r) => r.length), 0)).toBe(0);
    expect(await put()).toBe(false);
    await popup.locator('input[role="switch"][aria-label="Overrides enabled"]').click();
    expect(await pollFor(put, true)).toBe(true);
  });

  it('an invalid import names the bad entry and changes nothing, not even its valid entries', async () => {
    const before = JSON.stringify(await sessionRules());
    const rulesBefore = await popup.$$eval('li.rule', (items) => items.length);
    const input = (await popup.waitForSelector(
      '[data-testid="import-file"]',
    )) as ElementHandle<HTMLInputElement>;
    importDir = await mkdtemp(join(tmpdir(), 'cors-lens-import-'));
    const file = join(importDir, 'rules.json');
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
      await pollFor(
        () => text('[data-testid="import-result"]').then((t) => t.includes('Nothing was imported')),
        true,
      ),
    ).toBe(true);
    expect(await text('[data-testid="import-result"]')).toContain('rule 2: pageOrigin');
    expect(await popup.$$eval('li.rule', (items) => items.length)).toBe(rulesBefore);
    expect(JSON.stringify(await sessionRules())).toBe(before);
    expect(await put()).toBe(true);
  });

  it('removing the rule restores the block', async () => {
    await popup.locator('button[aria-label^="Remove "]').click();
    expect(await pollFor(() => sessionRules().then((r) => r.length), 0)).toBe(0);
    expect(await put()).toBe(false);
  });
});
