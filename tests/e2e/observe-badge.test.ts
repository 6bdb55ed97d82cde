// The toolbar badge: the number of blocked cross-origin requests of a tab, in red, while a panel watches it; an
// active override shows as "ON" in amber (and in the title) on every tab without blocked requests; the count
// survives the background being stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedExchange } from '../../src/shared/panel-protocol';
import {
  type BrowserName,
  type BrowserUnderTest,
  launchBrowserUnderTest,
  type WebPage,
} from '../harness/browser-under-test';
import { openLabPage } from '../harness/lab-page';
import { allowedGetUrl } from '../harness/observe-specs';
import {
  allowThroughBackground,
  expectOverriddenExchange,
  fetchUntilAllowed,
} from '../harness/overridden-exchange';
import { scenarioOf, streamCounters, subscribeToTab, waitForEntries } from '../harness/panel-stream';
import { fileSteps, pollUntil } from '../harness/poll';
import { waitForMirrored } from '../harness/session-mirror';
import { type Lab, startLab } from '../lab/server.mjs';
import { specUrl } from '../lab/spec.mjs';

const RED = [198, 40, 40, 255];
const AMBER = [180, 83, 9, 255];

describe.each<BrowserName>(['chromium', 'firefox'])('%s: the toolbar badge', (name) => {
  let lab: Lab;
  let browser: BrowserUnderTest;
  let labPage: WebPage;
  let tabId: number;
  let otherTabId: number;
  // The tests continue from each other's badge counts (vitest runs a file's tests in order).
  const steps = fileSteps();
  const ext = () => browser.extension;

  // Asked from an extension page, which outlives background restarts.
  const badge = (tab?: number) => {
    const details = JSON.stringify(tab === undefined ? {} : { tabId: tab });
    return ext().evaluate<{ text: string; color: number[]; title: string }>(`(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      return {
        text: await api.action.getBadgeText(${details}),
        color: await api.action.getBadgeBackgroundColor(${details}),
        title: await api.action.getTitle(${details}),
      };
    })()`);
  };
  /** Polls until the badge of `tab` shows `text` (the badge is set asynchronously), then returns it. */
  const badgeShowing = (text: string, tab?: number) =>
    pollUntil(
      () => badge(tab),
      (seen) => seen.text === text,
    );
  const fetchAll = (urls: string[]) =>
    labPage.evaluate(
      `Promise.all(${JSON.stringify(urls)}.map((u) => fetch(u, { cache: 'no-store' }).then((r) => r.ok, () => false)))`,
    );

  beforeAll(async () => {
    lab = await startLab();
    browser = await launchBrowserUnderTest(name, { hostAccess: 'granted', stopsBackground: true });
    labPage = await browser.newPage();
    await openLabPage(labPage, lab.pageOrigin);
    const otherPage = await browser.newPage();
    await otherPage.goto(`${lab.page2Origin}/`);
    tabId = await browser.tabIdOf(`${lab.pageOrigin}/`);
    otherTabId = await browser.tabIdOf(`${lab.page2Origin}/`);
    await subscribeToTab(ext(), tabId);
  });
  afterAll(async () => {
    await browser?.close();
    await lab?.close();
  });

  it('counts the blocked cross-origin requests of the watched tab, in red', async () => {
    const api = lab.apiOrigins[0] as string;
    const blocked = [0, 1, 2].map((i) => specUrl(api, { id: `blocked-${i}` }));
    const allowed = allowedGetUrl(api, lab.pageOrigin, 'allowed');
    expect(await fetchAll([...blocked, allowed])).toEqual([false, false, false, true]);
    await waitForEntries(
      ext(),
      (es: LoggedExchange[]) => es.filter((e) => e.record.outcome !== 'pending' && scenarioOf(e)).length >= 4,
      'four exchanges',
    );
    const shown = await badgeShowing('3', tabId);
    expect(shown.text).toBe('3');
    expect(shown.color).toEqual(RED);
    // Another tab's badge is not touched.
    expect((await badge(otherTabId)).text).toBe('');
    steps.done('counts');
  });

  it('shows an active override as ON in amber, with the reason in the title, and the tab count still wins', async () => {
    steps.require('counts');
    await allowThroughBackground(ext(), lab.page2Origin, 'http://api.unrelated.test');
    const other = await badgeShowing('ON', otherTabId);
    expect(other.text).toBe('ON');
    expect(other.color).toEqual(AMBER);
    expect(other.title).toMatch(/override.*active/i);
    // The watched tab keeps its blocked count in red; the title still says an override is active.
    const watched = await pollUntil(
      () => badge(tabId),
      (b) => b.text === '3' && /override.*active/i.test(b.title),
    );
    expect(watched.text).toBe('3');
    expect(watched.color).toEqual(RED);
    expect(watched.title).toMatch(/override.*active/i);
    steps.done('override');
  });

  it('clears the count on navigation: the tab then shows the override state', async () => {
    steps.require('override');
    await openLabPage(labPage, lab.pageOrigin);
    const shown = await badgeShowing('ON', tabId);
    expect(shown.text).toBe('ON');
    expect(shown.color).toEqual(AMBER);
    steps.done('navigation');
  });

  it('keeps counting after the background was stopped (the count comes back from the restored log)', async () => {
    steps.require('navigation');
    const api = lab.apiOrigins[0] as string;
    expect(await fetchAll([0, 1].map((i) => specUrl(api, { id: `before-${i}` })))).toEqual([false, false]);
    await waitForEntries(
      ext(),
      (es) =>
        es.filter((e) => scenarioOf(e)?.startsWith('before-') && e.record.outcome !== 'pending').length >= 2,
      'two blocked exchanges',
    );
    expect((await badgeShowing('2', tabId)).text).toBe('2');
    // The restarted background restores the count from the log's storage.session mirror, written in batches.
    await waitForMirrored(ext(), ['before-0', 'before-1']);
    const { snapshots } = await streamCounters(ext());
    await browser.stopBackground();
    // The panel reconnected (a fresh snapshot): capture runs again.
    const after = await pollUntil(
      () => streamCounters(ext()),
      (c) => c.snapshots > snapshots,
    );
    expect(after.snapshots).toBeGreaterThan(snapshots);
    expect(await fetchAll([specUrl(api, { id: 'after-0' })])).toEqual([false]);
    const shown = await badgeShowing('3', tabId);
    expect(shown.text).toBe('3');
    expect(shown.color).toEqual(RED);
    steps.done('restart');
  });

  it('records both verdicts when an override made the difference, and does not count it as blocked', async () => {
    steps.require('restart'); // the badge shows a count to add to
    const api2 = lab.apiOrigins[1] as string;
    await allowThroughBackground(ext(), lab.pageOrigin, api2);
    const before = (await badge(tabId)).text;
    const refused = await fetchUntilAllowed(labPage, api2);
    await expectOverriddenExchange(name, ext(), lab.pageOrigin, api2);
    // What the browser allowed is not counted as blocked (attempts before the rule took effect are).
    const expected = String(Number(before) + refused);
    expect((await badgeShowing(expected, tabId)).text).toBe(expected);
  });
});
