// Lifetimes across a browser restart in Chromium: an "until browser restart" rule (a session rule) is gone after
// the browser restarts with the same profile, a pinned one (a dynamic rule) still applies (and the badge says so).
// Both rules are made through the popup's lifetime choice.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { fileSteps, pollUntil } from '../harness/poll';
import { type Lab, startLab } from '../lab/server.mjs';
import { pollFor, popupPath, tryPut } from './override-helpers';

describe('Chromium: "until browser restart" and pinned rules across a restart', () => {
  let lab: Lab;
  let profile: string;
  let chromium: ChromiumSession | undefined;
  const sessionApi = () => lab.apiOrigins[0] as string;
  const pinnedApi = () => lab.apiOrigins[1] as string;
  // The tests continue from each other's rules and browser (vitest runs a file's tests in order).
  const steps = fileSteps();

  const start = async () => {
    chromium = await launchChromium({ grantHosts: true, userDataDir: profile });
    const ext = await chromium.openExtensionPage('src/welcome/index.html');
    const labPage = await chromium.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
    return { session: chromium, ext, labPage };
  };
  const allow = async (popup: Page, target: string, lifetime: string) => {
    await popup.getByLabel('Allow this page to read').fill(target);
    await popup.getByLabel('Lifetime').first().selectOption({ label: lifetime });
    await popup.getByLabel('with credentials').check();
    await popup.getByRole('button', { name: 'Allow', exact: true }).click();
    await popup.getByText(`${lab.pageOrigin} → ${target}`).waitFor();
  };

  beforeAll(async () => {
    lab = await startLab();
    profile = await mkdtemp(join(tmpdir(), 'cors-lens-restart-'));
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('before the restart both rules apply', async () => {
    const { session, ext, labPage } = await start();
    const tabId = await ext.evaluate(
      (origin) => chrome.tabs.query({ url: `${origin}/*` }).then((t) => t[0]?.id ?? -1),
      lab.pageOrigin,
    );
    const popup = await session.openExtensionPage(popupPath(tabId, lab.pageOrigin));
    await allow(popup, sessionApi(), 'until browser restart');
    await allow(popup, pinnedApi(), 'pinned (no expiry)');
    expect(await pollFor(() => tryPut(labPage, sessionApi()), true)).toBe(true);
    expect(await pollFor(() => tryPut(labPage, pinnedApi()), true)).toBe(true);
    const scopes = await ext.evaluate(async () => ({
      session: (await chrome.declarativeNetRequest.getSessionRules()).map((r) => r.condition.urlFilter),
      dynamic: (await chrome.declarativeNetRequest.getDynamicRules()).map((r) => r.condition.urlFilter),
    }));
    expect(scopes).toEqual({ session: [`|${sessionApi()}/`], dynamic: [`|${pinnedApi()}/`] });
    await session.close();
    chromium = undefined;
    steps.done('before the restart');
  });

  it('after the restart the "until restart" rule is gone and the pinned one applies again', async () => {
    steps.require('before the restart'); // which made both rules
    const { session, ext, labPage } = await start();
    expect(await pollFor(() => tryPut(labPage, pinnedApi()), true)).toBe(true);
    expect(await tryPut(labPage, sessionApi())).toBe(false);
    // The pinned rule is a dynamic rule (it survived the restart by itself); no session rule is left.
    const dynamic = await ext.evaluate(() => chrome.declarativeNetRequest.getDynamicRules());
    expect(dynamic).toHaveLength(1);
    expect(dynamic[0]?.condition.urlFilter).toBe(`|${pinnedApi()}/`);
    expect(await ext.evaluate(() => chrome.declarativeNetRequest.getSessionRules())).toEqual([]);
    expect(await pollFor(() => ext.evaluate(() => chrome.action.getBadgeText({})), 'ON')).toBe('ON');
    const tabId = await ext.evaluate(
      (origin) => chrome.tabs.query({ url: `${origin}/*` }).then((t) => t[0]?.id ?? -1),
      lab.pageOrigin,
    );
    const popup = await session.openExtensionPage(popupPath(tabId, lab.pageOrigin));
    await popup.getByText(`${lab.pageOrigin} → ${pinnedApi()}`).waitFor();
    expect(await popup.getByText(`${lab.pageOrigin} → ${sessionApi()}`).count()).toBe(0);
    steps.done('after the restart');
  });

  it('a rule moves between the dynamic and the session set when its lifetime is edited, and keeps applying', async () => {
    steps.require('after the restart'); // whose browser and pinned rule this test uses
    if (!chromium) throw new Error('the browser of the previous test is gone');
    const ext = await chromium.openExtensionPage('src/welcome/index.html');
    const labPage = chromium.context.pages().find((p) => p.url().startsWith(lab.pageOrigin)) as Page;
    const popup = await chromium.openExtensionPage(popupPath(0, lab.pageOrigin));
    await allow(popup, sessionApi(), '1 hour');
    const scopes = () =>
      ext.evaluate(async () => ({
        session: (await chrome.declarativeNetRequest.getSessionRules()).map((r) => r.condition.urlFilter),
        dynamic: (await chrome.declarativeNetRequest.getDynamicRules()).map((r) => r.condition.urlFilter),
      }));
    const editLifetime = async (target: string, lifetime: string) => {
      await popup.getByRole('button', { name: `Edit ${lab.pageOrigin} → ${target}` }).click();
      await popup.locator('#rule-lifetime').selectOption({ label: lifetime });
      await popup.getByRole('button', { name: 'Save' }).click();
      await popup.getByRole('button', { name: 'New rule…' }).waitFor();
    };
    /** Polls until the rule sets equal `want` (the DNR update follows the save asynchronously). */
    const scopesBecome = (want: { session: string[]; dynamic: string[] }) =>
      pollUntil(scopes, (seen) => JSON.stringify(seen) === JSON.stringify(want));
    await editLifetime(pinnedApi(), '1 hour');
    const timed = { session: [`|${sessionApi()}/`, `|${pinnedApi()}/`], dynamic: [] };
    expect(await scopesBecome(timed)).toEqual(timed);
    expect(await pollFor(() => tryPut(labPage, pinnedApi()), true)).toBe(true);
    await editLifetime(pinnedApi(), 'pinned (no expiry)');
    const pinned = { session: [`|${sessionApi()}/`], dynamic: [`|${pinnedApi()}/`] };
    expect(await scopesBecome(pinned)).toEqual(pinned);
    expect(await pollFor(() => tryPut(labPage, pinnedApi()), true)).toBe(true);
    expect(await pollFor(() => tryPut(labPage, sessionApi()), true)).toBe(true);
  });
});
