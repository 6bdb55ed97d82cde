// End to end, Chromium is the oracle for what the PANEL shows: generated exchanges (panel-matrix.ts: fetch,
// XMLHttpRequest with and without upload listeners, <img crossorigin>, module scripts, FontFace and @font-face,
// <link crossorigin>) run in Debian Chromium through the built extension, and each row the panel stream delivers
// (subscribed exactly as the panel is) must show Chromium's own verdict (CDP Network.loadingFailed.corsErrorStatus,
// or loadingFinished). "Shows" is the panel's own row function, rowOf (src/panel/row-of.ts): its verdict cell and
// reason, plus the verdict's failedParameter (panel/panel-agreement.ts). One row per request, none left pending.
//
// Page and API are two origins of one site, as in local development: the page on http://127.0.0.1:PAGE_PORT, the
// APIs on http://127.0.0.1:API_PORT(s), and a session cookie for 127.0.0.1 that every credentialed request carries.
// Credentialed requests whose preflight fails are never sent, so no Cookie shows the credentials mode on the wire:
// the panel knows it from the hook in the page. The same rows judged without the hook's data (what the wire alone
// gives) are counted too, for the record, not asserted.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLogged } from '../../src/core/exchange';
import type { LoggedExchange } from '../../src/shared/panel-protocol';
import { type CdpOutcome, collectCdpOutcomes } from '../harness/cdp-outcomes';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { openLabPage, tabIdOf } from '../harness/lab-page';
import {
  scenarioOf,
  sendOnStream,
  streamedEntries,
  subscribeToTab,
  waitForEntries,
} from '../harness/panel-stream';
import { pollUntil } from '../harness/poll';
import { type Lab, startLab } from '../lab/server.mjs';
import { caseUrls } from './matrix-gen/case-urls';
import { generatePanelMatrix, type Initiator, type PanelCase } from './matrix-gen/panel-matrix';
import { agrees, chromiumShown, shownOf } from './panel/panel-agreement';
import { type PageRequest, runInPage } from './panel/run-in-page';

const SESSION_COOKIE = 'lab_session=s3ss10n';
/** Requests per page.evaluate; the stream is cleared between chunks, so that the log stays small. */
const CHUNK = 120;

interface Row {
  c: PanelCase;
  entry: LoggedExchange;
  end: NonNullable<CdpOutcome['end']>;
  cdp: CdpOutcome;
}

/** The hook's data removed: what the wire alone tells (the same record, judged as if no page call had joined it). */
function withoutHook(entry: LoggedExchange): LoggedExchange {
  const { page: _page, readHeaders: _reads, ...record } = entry.record;
  return toLogged(record);
}

function describeRow({ c, entry, end }: Row, label = 'panel'): string {
  const shown = shownOf(entry);
  const r = entry.record;
  return `${c.name} [${c.initiator}, ${c.method}, credentials ${c.credentials}, mode ${c.mode}${c.redirect ? `, redirect ${c.redirect.to}` : ''}]
    chromium ${JSON.stringify(chromiumShown(end))}${end.kind === 'failed' ? ` (${end.errorText})` : ''}
    ${label}    ${JSON.stringify(shown)} ${entry.verdict.explanation.slice(0, 160)}
    record   page ${JSON.stringify(r.page)} credentials ${r.request.credentials} preflight ${r.preflight?.response?.status ?? r.preflight?.error ?? '-'} hops ${r.hops.length} response ${r.response?.status ?? '-'} ${r.outcome} ${r.error ?? ''}`;
}

describe('differential: what the panel shows agrees with Chromium on every generated exchange', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  let labPage: Page;
  let extPage: Page;
  let pageOrigin: string;
  let tabId: number;
  let cdpOutcomes = new Map<string, CdpOutcome>();
  const matrix = generatePanelMatrix();

  beforeAll(async () => {
    lab = await startLab();
    // The lab's page server listens on 127.0.0.1 too: the page and the APIs are then one site.
    pageOrigin = lab.pageOrigin.replace('//localhost:', '//127.0.0.1:');
    chromium = await launchChromium({ grantHosts: true });
    await chromium.context.addCookies([
      {
        name: SESSION_COOKIE.split('=')[0] as string,
        value: SESSION_COOKIE.split('=')[1] as string,
        url: `${pageOrigin}/`,
        sameSite: 'Lax',
      },
    ]);
    labPage = await chromium.newPage();
    const cdp = await chromium.context.newCDPSession(labPage);
    await cdp.send('Network.enable');
    cdpOutcomes = collectCdpOutcomes(cdp);
    await openLabPage(labPage, pageOrigin);
    extPage = await chromium.openExtensionPage('src/welcome/index.html');
    tabId = await tabIdOf(extPage, pageOrigin);
    await subscribeToTab(extPage, tabId);
    // Subscribing injects the hook into the open page: wait until it is there before the page makes requests.
    await pollUntil(
      () => labPage.evaluate(() => Symbol.for('cors-lens.page-hook') in window),
      (hooked) => hooked,
    );
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  it(`runs ${matrix.length} exchanges through the extension; every row shows Chromium's verdict`, async () => {
    const rows: Row[] = [];
    const problems: string[] = [];
    for (let start = 0; start < matrix.length; start += CHUNK) {
      const chunk = matrix.slice(start, start + CHUNK).map((c) => ({
        c,
        urls: caseUrls(c, lab.apiOrigins, pageOrigin),
      }));
      const inputs: PageRequest[] = chunk.map(({ c, urls }) => ({
        initiator: c.initiator,
        url: urls[0] as string,
        method: c.method,
        headers: c.headers,
        credentials: c.credentials,
        mode: c.mode,
        family: `lab-${c.name}`,
      }));
      await labPage.evaluate(runInPage, inputs);
      const names = chunk.map(({ c }) => c.name);
      // CDP's loadingFinished/loadingFailed may trail what the page saw.
      await pollUntil(
        async () => names.filter((n) => cdpOutcomes.get(n)?.end === undefined),
        (waiting) => waiting.length === 0,
      ).catch(() => undefined);
      const entries = await waitForEntries(
        extPage,
        (es) => names.every((n) => es.some((e) => scenarioOf(e) === n && e.record.outcome !== 'pending')),
        'a finished row per exchange',
        60_000,
      ).catch(() => streamedEntries(extPage));
      for (const { c } of chunk) {
        const mine = entries.filter((e) => scenarioOf(e) === c.name);
        const cdp = cdpOutcomes.get(c.name);
        if (mine.length !== 1) {
          problems.push(
            `${c.name} [${c.initiator}]: ${mine.length} rows (${mine.map((e) => `${e.record.outcome} ${e.record.type} ${e.verdict.corsError ?? e.record.error ?? ''}`).join('; ')}); chromium made ${cdp?.requests ?? 0} request(s)`,
          );
          continue;
        }
        const entry = mine[0] as LoggedExchange;
        if (entry.record.outcome === 'pending') problems.push(`${c.name} [${c.initiator}]: left pending`);
        else if (cdp?.end === undefined)
          problems.push(`${c.name} [${c.initiator}]: no outcome from Chromium`);
        else rows.push({ c, entry, end: cdp.end, cdp });
      }
      await sendOnStream(extPage, { type: 'clear', tabId });
      await pollUntil(
        () => streamedEntries(extPage),
        (es) => es.length === 0,
      );
    }

    const byInitiator = new Map<Initiator, { total: number; on: number; off: number }>();
    const disagreements: string[] = [];
    let agreeOff = 0;
    let preflightBlockedCredentialed = 0;
    let redirects = 0;
    for (const row of rows) {
      const { c, entry, end, cdp } = row;
      const stats = byInitiator.get(c.initiator) ?? { total: 0, on: 0, off: 0 };
      byInitiator.set(c.initiator, stats);
      stats.total++;
      const on = agrees(shownOf(entry), end);
      const off = agrees(shownOf(withoutHook(entry)), end);
      if (on) stats.on++;
      else disagreements.push(describeRow(row));
      if (off) {
        stats.off++;
        agreeOff++;
      }
      // The row carries its preflight exactly when Chromium sent one.
      if ((entry.record.preflight !== undefined) !== cdp.preflights > 0)
        problems.push(
          `${c.name} [${c.initiator}]: Chromium sent ${cdp.preflights} preflight(s), the row ${entry.record.preflight ? 'has one' : 'has none'}`,
        );
      // fetch() and XMLHttpRequest go through the hook: the row must know the credentials mode.
      if (
        ['fetch', 'xhr', 'xhr-upload'].includes(c.initiator) &&
        entry.record.page?.credentials !== c.credentials
      )
        problems.push(`${c.name} [${c.initiator}]: the hook's credentials ${entry.record.page?.credentials}`);
      if (
        c.credentials === 'include' &&
        cdp.preflights > 0 &&
        entry.record.response === undefined &&
        end.kind === 'failed'
      )
        preflightBlockedCredentialed++;
      if (entry.record.hops.length > 0) redirects++;
    }
    const nonFetch = rows.filter((r) => r.c.initiator !== 'fetch').length;
    const blocked = rows.filter((r) => r.end.kind === 'failed').length;
    const cookieSent = lab
      .requests()
      .filter((r) =>
        r.headers.some(([n, v]) => n.toLowerCase() === 'cookie' && v.includes(SESSION_COOKIE)),
      ).length;
    console.log(
      `panel differential (Chromium): ${rows.length} exchanges (${nonFetch} not from fetch), ${blocked} blocked, ${preflightBlockedCredentialed} credentialed and blocked at the preflight, ${redirects} redirected, ${cookieSent} requests carried the session cookie; agreement with the hook ${rows.length - disagreements.length}/${rows.length}, without it ${agreeOff}/${rows.length}\n  ${[
        ...byInitiator,
      ]
        .map(([k, s]) => `${k}: ${s.total} (hook on ${s.on}, off ${s.off})`)
        .join(', ')}`,
    );
    if (problems.length) console.log(problems.slice(0, 40).join('\n'));
    if (disagreements.length) console.log(disagreements.slice(0, 40).join('\n'));
    expect(rows.length).toBeGreaterThanOrEqual(400);
    expect(nonFetch).toBeGreaterThanOrEqual(100);
    expect(preflightBlockedCredentialed).toBeGreaterThanOrEqual(20);
    expect(redirects).toBeGreaterThanOrEqual(20);
    expect(cookieSent, 'credentialed requests carry the session cookie').toBeGreaterThan(0);
    expect(problems).toEqual([]);
    expect(disagreements).toEqual([]);
  }, 900_000);
});
