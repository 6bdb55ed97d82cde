// Answering preflights the server refuses, in Chromium: with an override alone a preflight answered 401, 403, 404,
// 405, 500 or 302 still fails (no header fixes a status); with the rule's "answer preflights" option on, CORS Lens
// answers it through chrome.debugger and the request passes, while the server still receives both the preflight
// and the actual request. Only tabs of the rule's page origin are attached; switching the option off, closing the
// tab and the rule's expiry end the session; a stopped service worker does not.
// The optional "debugger" permission is granted at install (a granted copy of dist/chrome, like host access):
// Chromium cannot accept an extension's permission prompt under automation, headless or not. The popup's real
// request path (explanation first, then permissions.request) is covered by tests/ui/popup/rescue-option.test.tsx.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverrideRule } from '../../src/core/rules';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { tabIdOf } from '../harness/lab-page';
import { subscribeToTab, waitForEntries } from '../harness/panel-stream';
import { fileSteps, pollUntil } from '../harness/poll';
import { stopExtensionServiceWorker } from '../harness/stop-service-worker';
import { type Lab, startLab } from '../lab/server.mjs';
import { expireRulesIn, pollFor, popupPath, tryPut } from './override-helpers';
import { attachedTo, message, putRefused, REFUSED_PREFLIGHTS, rescuedTabs } from './rescue-helpers';

describe('Chromium: answering the preflights a server refuses', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  let ext: Page;
  let labPage: Page;
  let tabId: number;
  let rule: OverrideRule;
  const api = () => lab.apiOrigins[0] as string;
  const steps = fileSteps();
  const outcomes = (page: Page) =>
    Promise.all(REFUSED_PREFLIGHTS.map(async (status) => [status, await putRefused(page, api(), status)]));
  const all = (passed: boolean) => REFUSED_PREFLIGHTS.map((status) => [status, passed]);
  const setAnswering = async (enabled: boolean) => {
    const answer = await message(ext, { type: 'rules/set-answer-preflights', id: rule.id, enabled });
    expect(answer.ok).toBe(true);
  };

  beforeAll(async () => {
    lab = await startLab();
    chromium = await launchChromium({ grantHosts: true, grantDebugger: true });
    ext = await chromium.openExtensionPage('src/welcome/index.html');
    labPage = await chromium.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
    tabId = await tabIdOf(ext, lab.pageOrigin);
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  it('with an override alone, every refused preflight still fails; nothing is attached', async () => {
    const allowed = await message(ext, {
      type: 'rules/allow',
      pageOrigin: lab.pageOrigin,
      target: api(),
      credentials: true,
    });
    expect(allowed.ok).toBe(true);
    rule = allowed.value as OverrideRule;
    expect(rule.answerPreflights).toBeUndefined();
    // The override itself works: a preflight the server answers 204 (without any CORS header) passes.
    expect(await pollFor(() => tryPut(labPage, api()), true)).toBe(true);
    expect(await outcomes(labPage)).toEqual(all(false));
    expect(await attachedTo(ext, tabId)).toBe(false);
    expect(allowed.view.rescue).toMatchObject({ supported: true, granted: true, tabsByRule: {} });
    steps.done('override');
  });

  it('with "answer preflights" on, each passes; the server still gets the preflight and the untouched request', async () => {
    steps.require('override');
    await subscribeToTab(ext, tabId); // a panel watching the tab: the log must show what happened
    await setAnswering(true);
    expect(
      await pollUntil(
        () => rescuedTabs(ext, rule.id),
        (tabs) => tabs.includes(tabId),
      ),
    ).toEqual([tabId]);
    expect(await attachedTo(ext, tabId)).toBe(true);
    // The panel's line for this tab names the override.
    expect(await message(ext, { type: 'rescue/status', tabId })).toEqual({
      answering: [
        { ruleId: rule.id, label: `localhost:${new URL(lab.pageOrigin).port} → ${new URL(api()).host}` },
      ],
    });
    lab.clearRequests();
    expect(await outcomes(labPage)).toEqual(all(true));
    const received = lab.requests().filter((r) => r.server === 'api1');
    for (const status of REFUSED_PREFLIGHTS) {
      expect(received.filter((r) => r.method === 'OPTIONS' && r.status === status)).toHaveLength(1);
    }
    const puts = received.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(REFUSED_PREFLIGHTS.length);
    for (const put of puts) {
      expect(put.headers).toContainEqual(['Content-Type', 'application/json']);
      expect(put.headers).toContainEqual(['Origin', lab.pageOrigin]);
    }
    // The log marks each as answered by CORS Lens, with the server's own answer kept and judged.
    const entries = await waitForEntries(
      ext,
      (es) => es.filter((e) => e.override?.preflightAnswered && e.record.outcome === 'completed').length >= 6,
      'six rescued exchanges',
    );
    const rescued = entries.filter((e) => e.override?.preflightAnswered);
    expect(rescued.map((e) => e.record.preflight?.response?.status).sort()).toEqual(
      [...REFUSED_PREFLIGHTS].sort(),
    );
    for (const entry of rescued) {
      expect(entry.verdict.allowed).toBe(false);
      expect(entry.override?.verdict.allowed).toBe(true);
    }
    steps.done('rescue');
  });

  it('the popup shows the option on and where it answers, and switches it off and on', async () => {
    steps.require('rescue');
    const popup = await chromium.openExtensionPage(popupPath(tabId, lab.pageOrigin));
    const option = popup.getByRole('checkbox', {
      name: `Answer preflights for ${lab.pageOrigin} → ${api()}`,
    });
    await expect.poll(() => option.isChecked()).toBe(true);
    await expect.poll(() => popup.getByTestId('rescue-state').textContent()).toBe('answering in 1 tab');
    await option.uncheck();
    expect(await pollFor(() => attachedTo(ext, tabId), false)).toBe(false);
    expect(await putRefused(labPage, api(), 405)).toBe(false);
    // The permission is granted already (see the header): checking turns it straight back on.
    await option.check();
    await expect.poll(() => popup.getByTestId('rescue-state').textContent()).toBe('answering in 1 tab');
    expect(await putRefused(labPage, api(), 405)).toBe(true);
    await popup.close();
  });

  it('a preflight the server answers itself (ok status) is left to the server and the override', async () => {
    steps.require('rescue');
    lab.clearRequests();
    const spec = { preflight: { status: 200, headers: [['X-From', 'server']] as [string, string][] } };
    expect(await tryPut(labPage, api(), spec)).toBe(true);
    expect(
      lab
        .requests()
        .filter((r) => r.method === 'OPTIONS')
        .map((r) => r.status),
    ).toEqual([200]);
  });

  it('a second page origin is not attached and not rescued, even with an override of its own', async () => {
    steps.require('rescue');
    const page2 = await chromium.newPage();
    await page2.goto(`${lab.page2Origin}/`);
    const tab2 = await tabIdOf(ext, lab.page2Origin);
    const other = await message(ext, {
      type: 'rules/allow',
      pageOrigin: lab.page2Origin,
      target: api(),
      credentials: true,
    });
    expect(other.ok).toBe(true);
    expect(await pollFor(() => tryPut(page2, api()), true)).toBe(true); // its own override applies
    expect(await putRefused(page2, api(), 401)).toBe(false);
    expect(await putRefused(page2, api(), 302)).toBe(false);
    expect(await attachedTo(ext, tab2)).toBe(false);
    // …while the first origin, in its own tab, still is.
    expect(await putRefused(labPage, api(), 401)).toBe(true);
    await message(ext, { type: 'rules/remove', id: (other.value as OverrideRule).id });
    await page2.close();
  });

  it('switching the option off ends the session and the refusals are back; on again, it resumes', async () => {
    steps.require('rescue');
    await setAnswering(false);
    expect(await pollFor(() => attachedTo(ext, tabId), false)).toBe(false);
    expect(await message(ext, { type: 'rescue/status', tabId })).toEqual({ answering: [] });
    expect(await outcomes(labPage)).toEqual(all(false));
    expect(await tryPut(labPage, api())).toBe(true); // the override itself stays
    await setAnswering(true);
    expect(await pollFor(() => attachedTo(ext, tabId), true)).toBe(true);
    expect(await putRefused(labPage, api(), 404)).toBe(true);
  });

  it('survives a service-worker restart: the session stays and the woken worker answers', async () => {
    steps.require('rescue');
    const startedAt = () => message<{ startedAt: number }>(ext, { type: 'ping' }).then((s) => s.startedAt);
    const before = await startedAt();
    await stopExtensionServiceWorker(ext);
    // The paused preflight itself wakes the worker: no message first.
    expect(await putRefused(labPage, api(), 401)).toBe(true);
    expect(await startedAt()).not.toBe(before);
    expect(await outcomes(labPage)).toEqual(all(true));
  });

  it('a tab that navigates to another origin is let go, and taken again when it comes back', async () => {
    steps.require('rescue');
    await labPage.goto(`${lab.page2Origin}/`);
    expect(await pollFor(() => attachedTo(ext, tabId), false)).toBe(false);
    expect(await putRefused(labPage, api(), 401)).toBe(false);
    await labPage.goto(`${lab.pageOrigin}/`);
    expect(await pollFor(() => attachedTo(ext, tabId), true)).toBe(true);
    expect(await putRefused(labPage, api(), 401)).toBe(true);
  });

  it('a closed tab ends its session; a new tab of the page origin is attached', async () => {
    steps.require('rescue');
    await labPage.close();
    expect(
      await pollUntil(
        () => rescuedTabs(ext, rule.id),
        (tabs) => tabs.length === 0,
      ),
    ).toEqual([]);
    labPage = await chromium.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
    tabId = await tabIdOf(ext, lab.pageOrigin);
    expect(
      await pollUntil(
        () => rescuedTabs(ext, rule.id),
        (tabs) => tabs.includes(tabId),
      ),
    ).toEqual([tabId]);
    expect(await putRefused(labPage, api(), 500)).toBe(true);
  });

  it('rescue stops at the rule’s expiry: detached, refused again, no DNR rule left', async () => {
    steps.require('rescue');
    // A short lifetime through the stored model: expire in 3 s, then let the background re-read it.
    await expireRulesIn(ext, 3000);
    expect(await putRefused(labPage, api(), 401)).toBe(true); // still in force
    expect(await pollFor(() => attachedTo(ext, tabId), false, 60_000)).toBe(false);
    expect(await outcomes(labPage)).toEqual(all(false));
    expect(
      await ext.evaluate(() => chrome.declarativeNetRequest.getSessionRules().then((r) => r.length)),
    ).toBe(0);
    expect(await rescuedTabs(ext, rule.id)).toEqual([]);
  });
});
