// An override's life in Chromium: the toolbar shows it while it is active; it survives the service worker being
// stopped (MV3 stops idle workers at any moment); and it expires on time through chrome.alarms even when the
// worker that scheduled the expiry is gone. The short lifetime is set through the stored model (the rule's
// expiresAt), not through a lifetime the UI offers.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { fileSteps, pollUntil } from '../harness/poll';
import { stopExtensionServiceWorker } from '../harness/stop-service-worker';
import { type Lab, startLab } from '../lab/server.mjs';
import { expireStoredRulesIn, pollFor, popupPath, tryPut } from './override-helpers';

describe('Chromium: badge, service-worker restart and expiry of an override', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  let labPage: Page;
  let ext: Page;
  const api = () => lab.apiOrigins[0] as string;

  const sessionRuleCount = () =>
    ext.evaluate(() => chrome.declarativeNetRequest.getSessionRules().then((r) => r.length));
  const badge = () =>
    ext.evaluate(async () => ({
      text: await chrome.action.getBadgeText({}),
      title: await chrome.action.getTitle({}),
    }));
  /** When the background's current worker started: a new value means a new worker. */
  const workerStartedAt = () =>
    ext.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'ping' }).then((s: { startedAt: number }) => s.startedAt),
    );
  const alarmCount = () => ext.evaluate(() => chrome.alarms.getAll().then((a) => a.length));
  const steps = fileSteps();
  const openPopup = async () => {
    const tabId = await ext.evaluate(
      (origin) => chrome.tabs.query({ url: `${origin}/*` }).then((t) => t[0]?.id ?? -1),
      lab.pageOrigin,
    );
    return chromium.openExtensionPage(popupPath(tabId, lab.pageOrigin));
  };
  const allow = async (popup: Page) => {
    await popup.getByLabel('Allow this page to read').fill(api());
    await popup.getByLabel('with credentials').check();
    await popup.getByRole('button', { name: 'Allow', exact: true }).click();
    await popup.getByTestId('override-banner').waitFor();
  };

  beforeAll(async () => {
    lab = await startLab();
    chromium = await launchChromium({ grantHosts: true });
    ext = await chromium.openExtensionPage('src/welcome/index.html');
    labPage = await chromium.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  it('the badge and title show override state exactly while a rule is active', async () => {
    expect(await badge()).toEqual({ text: '', title: 'CORS Lens' });
    const popup = await openPopup();
    await allow(popup);
    expect(
      await pollUntil(badge, (b) => b.text === 'ON' && b.title.includes('1 override active')),
    ).toMatchObject({ text: 'ON', title: expect.stringContaining('1 override active') });
    await popup.getByRole('switch', { name: 'Overrides enabled' }).uncheck();
    expect(await pollUntil(badge, (b) => b.text === '' && b.title === 'CORS Lens')).toEqual({
      text: '',
      title: 'CORS Lens',
    });
    await popup.getByRole('switch', { name: 'Overrides enabled' }).check();
    expect(await pollFor(() => badge().then((b) => b.text), 'ON')).toBe('ON');
    await popup.close();
    steps.done('badge');
  });

  it('the rule survives a service-worker restart, stays listed and can still be removed', async () => {
    steps.require('badge'); // which made the rule
    expect(await pollFor(() => tryPut(labPage, api()), true)).toBe(true);
    const before = await workerStartedAt();
    await stopExtensionServiceWorker(ext);
    // The ping wakes a new worker: proof that the old one was really stopped.
    expect(await pollFor(async () => (await workerStartedAt()) !== before, true)).toBe(true);
    expect(await pollFor(() => tryPut(labPage, api()), true)).toBe(true);
    expect(await pollFor(sessionRuleCount, 1)).toBe(1);
    expect(await pollFor(() => badge().then((b) => b.text), 'ON')).toBe('ON');
    const popup = await openPopup();
    await expect
      .poll(() => popup.getByTestId('override-banner').textContent(), { timeout: 15_000 })
      .toContain('1 override active');
    await popup.getByRole('button', { name: `Remove ${lab.pageOrigin} → ${api()}` }).click();
    expect(await pollFor(sessionRuleCount, 0)).toBe(0);
    expect(await pollFor(() => tryPut(labPage, api()), false)).toBe(false);
    expect(await pollFor(() => badge().then((b) => b.text), '')).toBe('');
    await popup.close();
  });

  it('a timed rule expires through the alarm, with its worker stopped meanwhile, and the block is back', async () => {
    const popup = await openPopup();
    await allow(popup);
    await popup.close(); // an open popup would itself ask the background at expiry; leave it to the alarm
    expect(await pollFor(() => tryPut(labPage, api()), true)).toBe(true);

    // A short lifetime through the stored model: expire in 3 s, then let the background re-read it.
    await expireStoredRulesIn(ext, 3000);
    expect(await pollFor(alarmCount, 1)).toBe(1);
    // The worker's own timer dies with it: only the alarm can end the rule now.
    await stopExtensionServiceWorker(ext);

    expect(await pollFor(() => tryPut(labPage, api()), false, 60_000)).toBe(false);
    expect(await pollFor(sessionRuleCount, 0)).toBe(0);
    expect(await pollFor(() => badge().then((b) => b.text), '')).toBe('');
    const after = await openPopup();
    await expect
      .poll(() => after.getByTestId('rule-state').textContent(), { timeout: 15_000 })
      .toBe('expired');
    expect(await after.getByTestId('override-banner').count()).toBe(0);
    await after.close();
  });
});
