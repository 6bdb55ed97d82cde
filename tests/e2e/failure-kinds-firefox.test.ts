// Failures that look like CORS, in Firefox ESR through the real panel: the same lookalike scenarios as in Chromium
// (failure-kinds-chromium.test.ts), checked with the same helpers, and Firefox's own words beside them: its
// webRequest error and its console reason (delivered over WebDriver BiDi as page errors). Local Network Access runs
// from the lab's public page, which network.lna.address_space.public.override makes public; the loopback-network
// permission is denied by pref (without an answer Firefox 153 waits on its prompt for 5 minutes, measured).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedExchange } from '../../src/shared/panel-protocol';
import {
  expectFailureHeadline,
  expectFailureRow,
  expectWildcardAuthorization,
  ROW_KIND,
} from '../harness/failure-kind-expectations';
import { type FirefoxSession, launchFirefox } from '../harness/firefox';
import { openLabPage } from '../harness/lab-page';
import {
  type LookalikeSide,
  lookup,
  rowsByKind,
  runSides,
  type SideKey,
  scenariosFor,
} from '../harness/lookalike-sides';
import { scenarioOfUrl, subscribeToTab } from '../harness/panel-stream';
import { pollUntil } from '../harness/poll';
import { firefoxPublicPagePrefs } from '../lab/local-network-flags.mjs';
import type { ScenarioResult } from '../lab/public/run-scenario.mjs';
import { lookalikeScenarios } from '../lab/scenarios.mjs';
import { type Lab, startLab } from '../lab/server.mjs';

interface Side extends LookalikeSide<Page> {
  /** Firefox's console messages for lab requests, by scenario id: a failed preflight logs its own reason first,
   * then "CORS request did not succeed" for the request it stopped (measured). */
  console: Map<string, string>;
}

const verdictCell = (panel: Page, id: string) =>
  panel.$eval(`.row[data-id="${id}"] .col-verdict`, (cell) => cell.textContent ?? '');

async function detailOf(panel: Page, id: string): Promise<string> {
  // Input goes to the front tab only: four tabs are open.
  await panel.bringToFront();
  await panel.click(`.row[data-id="${id}"]`);
  await panel.waitForSelector('aside.detail .verdict-summary');
  return panel.$eval('aside.detail', (detail) => detail.textContent ?? '');
}

async function closeDetail(panel: Page): Promise<void> {
  await panel.click('aside.detail button.close');
  await panel.waitForSelector('aside.detail', { hidden: true });
}

describe('Firefox ESR: failures that look like CORS, named in the panel', () => {
  let lab: Lab;
  let firefox: FirefoxSession;
  const outcomes: Record<string, ScenarioResult> = {};
  const sides = {} as Record<SideKey, Side>;
  const { sideOf, entriesOf, only } = lookup(sides);

  beforeAll(async () => {
    lab = await startLab();
    firefox = await launchFirefox({ grantHosts: true, prefs: firefoxPublicPagePrefs(lab) });
    const all = lookalikeScenarios(lab);
    for (const [key, origin] of [
      ['main', lab.pageOrigin],
      ['public', lab.publicPageOrigin],
    ] as const) {
      const page = await firefox.newPage();
      const console = new Map<string, string>();
      page.on('pageerror', (error) => {
        const text = String((error as Error).message ?? error);
        const url = /https?:\/\/\S+?\?s=[\w-]+/.exec(text)?.[0];
        const id = url === undefined ? undefined : scenarioOfUrl(url);
        if (id !== undefined) console.set(id, `${console.get(id) ?? ''}${text}\n`);
      });
      await openLabPage(page, origin);
      // A match pattern with a port matches nothing in Firefox (platform-facts): compare URLs in code.
      const tabId = (await firefox.extensionPage.evaluate(
        `browser.tabs.query({}).then((tabs) => tabs.find((t) => (t.url ?? '').startsWith('${origin}/'))?.id)`,
      )) as number;
      expect(typeof tabId, origin).toBe('number');
      const panel = await firefox.openExtensionPage(`src/panel/index.html?tab=${tabId}`);
      await panel.waitForFunction(() => document.body.textContent?.includes('No cross-origin requests yet'), {
        timeout: 20_000,
      });
      await subscribeToTab(panel, tabId);
      sides[key] = { page, panel, console, scenarios: scenariosFor(key, all), entries: [] };
    }
    await runSides(sides, outcomes);
  });
  afterAll(async () => {
    await firefox?.close();
    await lab?.close();
  });

  it('names the kind of every blocked row before its reason', async () => {
    for (const name of Object.keys(ROW_KIND)) {
      expect(outcomes[name]?.allowed, `${name}: Firefox's own outcome`).toBe(false);
      const entry = only(name);
      const reason = entry.verdict.corsError ?? entry.record.error ?? '';
      const panel = sideOf(name).panel;
      const cell = await pollUntil(
        () => verdictCell(panel, entry.record.id),
        (text) => text.startsWith('blocked'),
      );
      expectFailureRow(cell, name, reason);
    }
  });

  it('opens the Verdict tab of each with its headline, in Firefox’s words where they differ', async () => {
    for (const name of Object.keys(ROW_KIND)) {
      const { panel } = sideOf(name);
      expectFailureHeadline(await detailOf(panel, only(name).record.id), name, 'firefox');
      await closeDetail(panel);
    }
  });

  it('Local Network Access: Firefox’s verdict in its words (webRequest error and console reason)', async () => {
    for (const name of ['local-network', 'local-network-preflight']) {
      const entry = only(name);
      expect(entry.record.error, name).toBe('NS_ERROR_LOCAL_NETWORK_ACCESS_DENIED');
      expect(entry.verdict.corsError, name).toBe('LocalNetworkAccessPermissionDenied');
      expect(entry.verdict.firefoxReason, name).toBe('CORSDidNotSucceed');
      expect(sides.public.console.get(name), name).toContain('(Reason: CORS request did not succeed)');
      expect(lab.requests().filter((r) => r.url === entry.record.request.url)).toEqual([]);
    }
    // The preflight failed with the same error and never reached the lab either.
    expect(only('local-network-preflight').record.preflight?.error).toBe(
      'NS_ERROR_LOCAL_NETWORK_ACCESS_DENIED',
    );
  });

  it('Firefox’s console reason is the one the panel names, for every blocked lookalike', () => {
    const words: Record<string, string> = {
      CORSMissingAllowOrigin: 'CORS header ‘Access-Control-Allow-Origin’ missing',
      CORSDidNotSucceed: 'CORS request did not succeed',
      CORSAllowOriginNotMatchingOrigin: 'does not match',
    };
    const seen: string[] = [];
    for (const name of Object.keys(ROW_KIND)) {
      // A redirected request is logged under the URL it was redirected to.
      const logged = sideOf(name).console;
      const consoleText = logged.get(name) ?? logged.get(`${name}-target`) ?? '';
      const reason = only(name).verdict.firefoxReason ?? 'CORSDidNotSucceed';
      seen.push(`${name}: ${reason} ← ${consoleText.replace(/^.*?\(Reason: /gm, '(Reason: ').trim()}`);
      expect(consoleText, name).toContain(words[reason] ?? reason);
    }
    console.log(`Firefox's console reasons:\n${seen.join('\n')}`);
  });

  it('filters by kind of failure: each kind keeps exactly its rows', async () => {
    for (const side of Object.values(sides)) {
      const shownIds = () =>
        side.panel.$$eval('.grid-body .row', (rows) =>
          rows.map((r) => r.getAttribute('data-id') ?? '').sort(),
        );
      await side.panel.bringToFront();
      for (const [kind, expected] of rowsByKind(side)) {
        await side.panel.select('select[aria-label="Kind of failure"]', kind);
        expect(await pollUntil(shownIds, (ids) => ids.join() === expected.join()), kind).toEqual(expected);
      }
      await side.panel.select('select[aria-label="Kind of failure"]', '');
      expect((await pollUntil(shownIds, (ids) => ids.length === side.entries.length)).length).toBe(
        side.entries.length,
      );
    }
  });

  it('a request Firefox sent on a cached preflight says so; one it preflighted again does not', async () => {
    const mine = entriesOf('cached-preflight').sort((a, b) => a.record.startedAt - b.record.startedAt);
    expect(mine).toHaveLength(2);
    const second = mine[1] as LoggedExchange;
    const url = second.record.request.url;
    const preflights = lab.requests().filter((r) => r.method === 'OPTIONS' && r.url === url).length;
    console.log(`Firefox sent ${preflights} preflight(s) for two identical PUTs with Max-Age 600`);
    const detail = await detailOf(sides.main.panel, second.record.id);
    await closeDetail(sides.main.panel);
    // Firefox 153 under WebDriver BiDi preflighted the second PUT again (measured); either way the panel says
    // what the server saw.
    if (preflights === 2) {
      expect(second.record.preflight?.response?.status).toBe(204);
      expect(detail).not.toContain('Sent without a preflight');
    } else {
      expect(preflights).toBe(1);
      expect(second.record.preflightCached).toBe(true);
      expect(detail).toContain('`Access-Control-Max-Age: 600` keeps it until');
    }
  });

  it('every exchange relying on * covering Authorization is warned', async () => {
    const mine = entriesOf('wildcard-authorization');
    expect(mine).toHaveLength(2);
    const { panel } = sides.main;
    for (const entry of mine) {
      expect(entry.verdict.allowed).toBe(true);
      const cell = await verdictCell(panel, entry.record.id);
      expectWildcardAuthorization(cell, await detailOf(panel, entry.record.id));
      await closeDetail(panel);
    }
  });
});
