// Capture sees only what a panel inspects, and keeps it only while needed: a second tab's traffic never reaches
// the log or storage; a tab's log goes when its last panel closes, unless "Preserve log" is on; giant response
// headers cannot push a log past its budget; the hook in the page records calls only in an inspected tab. Both
// browsers; the panel is the stream a panel subscribes to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorKeysOf, restoreLogs } from '../../src/core/exchange/log-mirror';
import { PAGE_REQUEST_EVENT } from '../../src/core/exchange/page-request';
import { DEFAULT_MAX_BYTES } from '../../src/core/exchange/tab-log';
import {
  type BrowserName,
  type BrowserUnderTest,
  launchBrowserUnderTest,
} from '../harness/browser-under-test';
import { type EvaluatingPage, openLabPage, runLabScenario } from '../harness/lab-page';
import {
  scenarioOf,
  sendOnStream,
  streamedEntries,
  subscribeToTab,
  unsubscribe,
  waitForEntries,
} from '../harness/panel-stream';
import { type Lab, startLab } from '../lab/server.mjs';
import { specUrl } from '../lab/spec.mjs';

describe.each<BrowserName>(['chromium', 'firefox'])('%s: capture scope and size', (name) => {
  let lab: Lab;
  let browser: BrowserUnderTest;
  let inspected: EvaluatingPage;
  let other: EvaluatingPage;
  let inspectedId: number;
  let otherId: number;
  const session = () =>
    browser.extension.evaluate(
      '(globalThis.browser ?? globalThis.chrome).storage.session.get(null)',
    ) as Promise<Record<string, unknown>>;
  // The log as a restarted worker would restore it from its mirror (one key per record, log-mirror.ts).
  const storedLog = async (tabId: number) => {
    const records = restoreLogs(await session())
      .get(tabId)
      ?.snapshot();
    return records === undefined ? undefined : { records };
  };
  /** The tabs that have anything mirrored in storage.session. */
  const mirroredTabs = async () => [
    ...new Set(
      Object.keys(await session())
        .filter((k) => k.startsWith('log:'))
        .map((k) => k.split(':')[1]),
    ),
  ];

  beforeAll(async () => {
    lab = await startLab();
    browser = await launchBrowserUnderTest(name, { hostAccess: 'granted' });
    inspected = await browser.newPage();
    await openLabPage(inspected, lab.pageOrigin, '?tab=inspected');
    other = await browser.newPage();
    await openLabPage(other, lab.pageOrigin, '?tab=other');
    inspectedId = await browser.tabIdOf(`${lab.pageOrigin}/?tab=inspected`);
    otherId = await browser.tabIdOf(`${lab.pageOrigin}/?tab=other`);
  });
  afterAll(async () => {
    await browser?.close();
    await lab?.close();
  });

  it('logs and stores the inspected tab’s requests, never a second tab’s', async () => {
    await subscribeToTab(browser.extension, inspectedId);
    await runLabScenario(other, 'simple-get-no-acao');
    await runLabScenario(inspected, 'simple-get-allowed');
    await runLabScenario(other, 'json-put-preflight');
    await waitForEntries(
      browser.extension,
      (es) => es.some((e) => scenarioOf(e) === 'simple-get-allowed' && e.record.outcome !== 'pending'),
      'the inspected tab’s request',
    );
    await expect.poll(async () => (await storedLog(inspectedId))?.records.length ?? 0).toBeGreaterThan(0);
    const log = await storedLog(inspectedId);
    expect(log?.records.every((r) => r.tabId === inspectedId)).toBe(true);
    expect(await storedLog(otherId)).toBeUndefined();
    expect(await mirroredTabs()).toEqual([String(inspectedId)]);
  });

  it('drops the tab’s log when its last panel closes', async () => {
    await unsubscribe(browser.extension);
    await expect.poll(async () => storedLog(inspectedId)).toBeUndefined();
    await runLabScenario(inspected, 'simple-get-allowed'); // nobody watches: nothing is stored
    expect(await mirroredTabs()).toEqual([]);
  });

  it('keeps it when "Preserve log" is on', async () => {
    await subscribeToTab(browser.extension, inspectedId);
    await sendOnStream(browser.extension, {
      type: 'set-preserve-log',
      tabId: inspectedId,
      preserve: true,
    });
    await runLabScenario(inspected, 'wrong-origin');
    await expect.poll(async () => (await storedLog(inspectedId))?.records.length ?? 0).toBeGreaterThan(0);
    await unsubscribe(browser.extension);
    // The background has handled the close once the tab is no longer listened to; the log is still there.
    await expect.poll(async () => (await session()).watchedTabs).toEqual([]);
    await session();
    expect((await storedLog(inspectedId))?.records.length).toBeGreaterThan(0);
  });

  it('keeps a log within its byte budget when every response carries a giant header', async () => {
    await subscribeToTab(browser.extension, otherId);
    const url = (i: number) =>
      specUrl(lab.apiOrigins[0] as string, {
        id: `giant-${i}`,
        response: { padHeader: 200_000, headers: [['Access-Control-Allow-Origin', lab.pageOrigin]] },
      });
    const done =
      await other.evaluate(`Promise.all(${JSON.stringify(Array.from({ length: 60 }, (_, i) => url(i)))}
      .map((u) => fetch(u).then((r) => r.ok, () => false))).then((all) => all.filter(Boolean).length)`);
    expect(done).toBe(60);
    await waitForEntries(
      browser.extension,
      (es) =>
        es.filter((e) => (scenarioOf(e) ?? '').startsWith('giant-') && e.record.outcome !== 'pending')
          .length === 60,
      'the 60 giant responses',
    );
    // 60 × 200 KB of header would be 12 MB, past storage.session's 10 MiB: each value is kept cut instead.
    await expect.poll(async () => (await storedLog(otherId))?.records.length ?? 0).toBeGreaterThanOrEqual(60);
    const all = await session();
    const stored = JSON.stringify(mirrorKeysOf(all, otherId).map((key) => all[key]));
    expect(stored.length).toBeLessThan(DEFAULT_MAX_BYTES);
    expect(stored).toContain('more characters not kept');
    await unsubscribe(browser.extension);
  });

  it('shows every row of a page it navigated to: the old page’s clear never wipes the new page’s first rows', async () => {
    await subscribeToTab(browser.extension, otherId);
    const n = 60;
    for (let run = 0; run < 3; run++) {
      await other.goto(`${lab.pageOrigin}/bench?n=${n}&run=${run}`);
      await expect.poll(() => other.evaluate(`'benchResult' in window`)).toBe(true);
      const entries = await waitForEntries(
        browser.extension,
        (es) => es.filter((e) => e.record.outcome !== 'pending').length >= n,
        `the ${n} requests of load ${run}`,
      ).catch(async () => streamedEntries(browser.extension));
      expect(entries.map((e) => scenarioOf(e)).filter((id) => id?.endsWith(`-${run}`))).toHaveLength(n);
      expect(entries).toHaveLength(n);
      // The next navigation's status is then older than the background's one-second cache of host access, so
      // it is asked of the browser anew: the wait that once let the new page's rows overtake the clear.
      await new Promise((r) => setTimeout(r, 1_100));
    }
    await unsubscribe(browser.extension);
  });

  it('records page calls only in the inspected tab: the hook pauses elsewhere, and when its tab’s panel goes', async () => {
    const id = 'hook-scope';
    const url = specUrl(lab.apiOrigins[0] as string, {
      id,
      response: { headers: [['Access-Control-Allow-Origin', lab.pageOrigin]] },
    });
    /** Makes one fetch in the page; how many records the hook in the page sent for it (its DOM event, 0 or 1). */
    const hookRecords = (page: EvaluatingPage) =>
      page.evaluate(`(async () => {
        if (window.__hookEvents === undefined) {
          window.__hookEvents = 0;
          document.addEventListener('${PAGE_REQUEST_EVENT}', () => window.__hookEvents++, true);
        }
        const before = window.__hookEvents;
        await fetch(${JSON.stringify(url)}, { credentials: 'include' }).catch(() => undefined);
        return window.__hookEvents - before;
      })()`) as Promise<number>;

    await subscribeToTab(browser.extension, inspectedId);
    // Loaded while the hook is registered for every page: its relay connects as the page starts.
    await openLabPage(other, lab.pageOrigin, '?tab=other');
    await expect.poll(() => hookRecords(inspected)).toBe(1);
    await expect.poll(() => hookRecords(other)).toBe(0);
    expect(await hookRecords(other)).toBe(0);

    // The inspected tab's last panel goes: its hook pauses too.
    await unsubscribe(browser.extension);
    await expect.poll(() => hookRecords(inspected)).toBe(0);

    // A panel opens on the other tab: its hook resumes, and its calls join their rows again.
    await subscribeToTab(browser.extension, otherId);
    await expect.poll(() => hookRecords(other)).toBe(1);
    const entries = await waitForEntries(
      browser.extension,
      (es) => es.some((e) => scenarioOf(e) === id && e.record.page?.credentials === 'include'),
      'a row of the resumed hook’s call, with its credentials mode',
    );
    expect(entries.every((e) => e.record.tabId === otherId)).toBe(true);
    expect(await hookRecords(inspected)).toBe(0);
    await unsubscribe(browser.extension);
  });
});
