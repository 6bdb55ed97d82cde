// Failures that look like CORS, in Chromium through the real panel: every "looks like CORS" lab scenario gets its
// kind before the CorsError name in the log and a headline in the Verdict tab; the filter offers the same kinds;
// Local Network Access (the lab's public page, made public with --ip-address-space-overrides) shows Chromium's own
// verdict; a cached preflight names its Max-Age; every exchange relying on * covering Authorization is warned.
// The panel page runs in a tab bound to the lab's tab, as in panel-chromium.test.ts; the checks on what it shows
// live in tests/harness/failure-kind-expectations.ts.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CdpFailure, collectCdpFailures } from '../harness/cdp-verdicts';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import {
  expectCachedPreflightNotice,
  expectFailureHeadline,
  expectFailureRow,
  expectWildcardAuthorization,
  ROW_KIND,
} from '../harness/failure-kind-expectations';
import { openLabPage, tabIdOf } from '../harness/lab-page';
import {
  type LookalikeSide,
  lookup,
  rowsByKind,
  runSides,
  type SideKey,
  scenariosFor,
} from '../harness/lookalike-sides';
import { subscribeToTab } from '../harness/panel-stream';
import { chromiumPublicPageArgs } from '../lab/local-network-flags.mjs';
import type { ScenarioResult } from '../lab/public/run-scenario.mjs';
import { lookalikeScenarios } from '../lab/scenarios.mjs';
import { type Lab, startLab } from '../lab/server.mjs';

interface Side extends LookalikeSide<Page> {
  failures: Map<string, CdpFailure>;
}

const verdictCell = (panel: Page, id: string) =>
  panel
    .locator(`.row[data-id="${id}"] .col-verdict`)
    .textContent()
    .then((t) => t ?? '');

async function detailOf(panel: Page, id: string): Promise<string> {
  // Four tabs are open: interact with the panel's as the front one.
  await panel.bringToFront();
  await panel.locator(`.row[data-id="${id}"]`).click();
  const detail = panel.getByRole('complementary', { name: 'Request details' });
  await detail.getByRole('tab', { name: 'Verdict' }).click();
  await expect.poll(() => detail.locator('.verdict-summary').count()).toBeGreaterThan(0);
  return (await detail.textContent()) ?? '';
}

describe('Chromium: failures that look like CORS, named in the panel', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  const outcomes: Record<string, ScenarioResult> = {};
  const sides = {} as Record<SideKey, Side>;
  const { sideOf, entriesOf, only } = lookup(sides);

  beforeAll(async () => {
    lab = await startLab();
    chromium = await launchChromium({ grantHosts: true, extraArgs: chromiumPublicPageArgs(lab) });
    const all = lookalikeScenarios(lab);
    const welcome = await chromium.openExtensionPage('src/welcome/index.html');
    for (const [key, origin] of [
      ['main', lab.pageOrigin],
      ['public', lab.publicPageOrigin],
    ] as const) {
      const page = await chromium.newPage();
      const cdp = await chromium.context.newCDPSession(page);
      await cdp.send('Network.enable');
      const failures = collectCdpFailures(cdp);
      await openLabPage(page, origin);
      const tabId = await tabIdOf(welcome, origin);
      const panel = await chromium.openExtensionPage(`src/panel/index.html?tab=${tabId}&theme=light`);
      await panel.getByRole('heading', { name: 'No cross-origin requests yet' }).waitFor();
      await subscribeToTab(panel, tabId);
      sides[key] = { page, panel, failures, scenarios: scenariosFor(key, all), entries: [] };
    }
    await welcome.close();
    await runSides(sides, outcomes);
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  it('names the kind of every blocked row before its reason, with the CorsError Chromium itself reports', async () => {
    const named = Object.keys(ROW_KIND);
    expect(named.length).toBeGreaterThanOrEqual(9);
    for (const name of named) {
      expect(outcomes[name]?.allowed, `${name}: Chromium's own outcome`).toBe(false);
      const entry = only(name);
      const cdp = sideOf(name).failures.get(name);
      expect(cdp, `${name}: Chromium failed it`).toBeDefined();
      // The engine's verdict is Chromium's: its CorsError, or none where Chromium reports none.
      if (entry.verdict.chromiumReportsCorsError === false) expect(cdp?.corsError, name).toBeUndefined();
      else expect(entry.verdict.corsError, name).toBe(cdp?.corsError);
      const reason = cdp?.corsError ?? entry.verdict.corsError ?? entry.record.error ?? '';
      expectFailureRow(await verdictCell(sideOf(name).panel, entry.record.id), name, reason);
    }
    expect(sides.main.failures.get('scheme-data-redirect')?.errorText).toBe('net::ERR_UNSAFE_REDIRECT');
    expect(only('not-sent-dropped').record.error).toBe(
      sides.main.failures.get('not-sent-dropped')?.errorText,
    );
  });

  it('opens the Verdict tab of each with its headline, before the CorsError name', async () => {
    for (const name of Object.keys(ROW_KIND)) {
      const { panel } = sideOf(name);
      expectFailureHeadline(await detailOf(panel, only(name).record.id), name, 'chromium');
      await panel.keyboard.press('Escape');
    }
  });

  it('Local Network Access: Chromium’s verdict, never the server, and a Fix tab without CORS headers', async () => {
    for (const name of ['local-network', 'local-network-preflight']) {
      expect(sides.public.failures.get(name)?.corsError, name).toBe('LocalNetworkAccessPermissionDenied');
      expect(only(name).verdict.corsError, name).toBe('LocalNetworkAccessPermissionDenied');
      // The request never left the browser: the lab saw nothing, not even the preflight allowing private networks.
      expect(
        lab.requests().filter((r) => r.url.includes(only(name).record.request.url.split('?s=')[1] ?? '-')),
      ).toEqual([]);
    }
    expect(only('local-network').record.error).toBe('net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS');
    const { panel } = sides.public;
    await detailOf(panel, only('local-network-preflight').record.id);
    const detail = panel.getByRole('complementary', { name: 'Request details' });
    expect(await detail.getByRole('button', { name: 'Allow temporarily' }).count()).toBe(0);
    await detail.getByRole('tab', { name: 'Fix' }).click();
    await detail.getByRole('heading', { name: 'No response header can fix this' }).waitFor();
    const fix = (await detail.textContent()) ?? '';
    expect(fix).toContain('`loopback-network`');
    expect(fix).toContain('proxy through your dev server');
    expect(await detail.getByRole('combobox', { name: /Your server stack/ }).count()).toBe(0);
    await panel.keyboard.press('Escape');
  });

  it('filters by kind of failure: each kind keeps exactly its rows', async () => {
    for (const side of Object.values(sides)) {
      const select = side.panel.getByRole('combobox', { name: 'Kind of failure' });
      for (const [kind, expected] of rowsByKind(side)) {
        await select.selectOption(kind);
        await expect
          .poll(
            async () =>
              (
                await side.panel
                  .locator('.grid-body .row')
                  .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''))
              ).sort(),
            { message: kind },
          )
          .toEqual(expected);
      }
      await select.selectOption('');
      await expect.poll(() => side.panel.locator('.grid-body .row').count()).toBe(side.entries.length);
    }
  });

  it('a request sent on a cached preflight names the Max-Age it came from and warns', async () => {
    const [first, second] = entriesOf('cached-preflight').sort(
      (a, b) => a.record.startedAt - b.record.startedAt,
    );
    const url = first?.record.request.url ?? '';
    // Chromium used its preflight cache for the second PUT (cache mode 'default'): the server saw one OPTIONS.
    expect(lab.requests().filter((r) => r.method === 'OPTIONS' && r.url === url)).toHaveLength(1);
    expect(first?.record.preflight?.response?.status).toBe(204);
    expect(second?.record).toMatchObject({ preflightCached: true });
    expect(second?.record.preflightCacheSource?.requestId).toBe(first?.record.preflight?.requestId);
    const { panel } = sides.main;
    expect(await panel.locator(`.row[data-id="${second?.record.id}"] .col-preflight`).textContent()).toBe(
      'cached',
    );
    expectCachedPreflightNotice(await detailOf(panel, second?.record.id ?? ''));
    await panel.keyboard.press('Escape');
  });

  it('every exchange relying on * covering Authorization is warned', async () => {
    const mine = entriesOf('wildcard-authorization');
    expect(mine).toHaveLength(2);
    // Measured: with Max-Age 600 Chromium still preflights each one (its cache never serves Authorization from
    // *), and the note says so.
    const url = mine[0]?.record.request.url ?? '';
    expect(lab.requests().filter((r) => r.method === 'OPTIONS' && r.url === url)).toHaveLength(2);
    expect(mine.every((e) => e.record.preflight !== undefined)).toBe(true);
    const { panel } = sides.main;
    for (const entry of mine) {
      expect(entry.verdict.allowed).toBe(true);
      const cell = await verdictCell(panel, entry.record.id);
      expectWildcardAuthorization(cell, await detailOf(panel, entry.record.id));
      await panel.keyboard.press('Escape');
    }
  });
});
