// Compares what the panel shows for one exchange with Chromium's own verdict, and keeps the counts the differential
// reports. "What the panel shows" is the panel's own row (src/panel/row-of.ts: the verdict cell, allowed / blocked /
// failed / uncertain, and its reason, the CorsError name) plus the failedParameter of the verdict the row is made
// from; Chromium's verdict is CDP's (Network.loadingFinished, or Network.loadingFailed and its corsErrorStatus). The
// same record is judged a second time without what the hook in the page added (what the wire alone gives): counted,
// for the record, not asserted.
import type { Verdict } from '../../../src/core/cors';
import { toLogged } from '../../../src/core/exchange';
import { rowOf } from '../../../src/panel/row-of';
import type { LoggedExchange } from '../../../src/shared/panel-protocol';
import type { CdpOutcome } from '../../harness/cdp-outcomes';
import type { PageOutcome } from '../initiators/run-in-page';
import type { ExchangeCase } from '../matrix-gen/exchange-matrix';

export type ChromiumEnd = NonNullable<CdpOutcome['end']>;

export interface ChromiumRow {
  c: ExchangeCase;
  outcome: PageOutcome;
  cdp: CdpOutcome | undefined;
  /** The panel stream's entries for the request. */
  entries: LoggedExchange[];
}

/** A verdict in the terms both sides share: blocked or not, and the CorsError and failedParameter when named. */
interface Said {
  blocked: boolean;
  corsError?: string;
  failedParameter?: string;
}

/**
 * Chromium's verdict: blocked when the page could not use the response, with CDP's CorsError when it named one. The
 * page decides "blocked" rather than CDP: Opaque Response Blocking ends a no-cors load that the page got (an empty
 * opaque response) with net::ERR_ABORTED, which is no refusal of the page's request.
 */
export function chromiumSaid(outcome: PageOutcome, end: ChromiumEnd): Said {
  if (outcome === 'allowed' || end.kind === 'finished') return { blocked: false };
  return end.corsError === undefined
    ? { blocked: true }
    : { blocked: true, corsError: end.corsError, failedParameter: end.failedParameter ?? '' };
}

/**
 * What one engine verdict says, as the panel shows it. Chromium names some failures without a corsErrorStatus (a
 * redirected preflight is net::ERR_INVALID_REDIRECT): the engine says which (chromiumReportsCorsError).
 */
function verdictSaid(verdict: Verdict): Said {
  if (verdict.allowed) return { blocked: false };
  if (verdict.corsError === undefined || verdict.chromiumReportsCorsError === false) return { blocked: true };
  return { blocked: true, corsError: verdict.corsError, failedParameter: verdict.failedParameter ?? '' };
}

const same = (a: Said, b: Said) =>
  a.blocked === b.blocked && a.corsError === b.corsError && a.failedParameter === b.failedParameter;

/**
 * How the panel's row for `entry` fares against Chromium: `agrees`; `unknown` when the row shows several
 * possibilities (the credentials mode, or which header of a request never sent Chromium names, could not be known)
 * and one of them is Chromium's; else `disagrees`. A `failed` row (the
 * browser failed the request although the headers pass) agrees where Chromium failed it without a CorsError.
 */
export function judge(entry: LoggedExchange, theirs: Said): 'agrees' | 'unknown' | 'disagrees' {
  const row = rowOf(entry);
  switch (row.verdict) {
    case 'allowed':
    case 'blocked': {
      // Which of several headers Chromium names could not be known (the request was never sent): all are shown.
      const among = entry.verdict.failedParameterAmong;
      if (among === undefined) return same(verdictSaid(entry.verdict), theirs) ? 'agrees' : 'disagrees';
      return theirs.corsError === entry.verdict.corsError && among.includes(theirs.failedParameter ?? '')
        ? 'unknown'
        : 'disagrees';
    }
    case 'failed':
      return theirs.blocked && theirs.corsError === undefined ? 'agrees' : 'disagrees';
    case 'uncertain': {
      const both = [entry.verdict, entry.verdict.ifCredentialed].filter((v): v is Verdict => v !== undefined);
      return both.some((v) => same(verdictSaid(v), theirs)) ? 'unknown' : 'disagrees';
    }
    default:
      return 'disagrees';
  }
}

/** The hook's data removed: the same record judged as if no page call had joined it (what the wire alone gives). */
export function withoutHook(entry: LoggedExchange): LoggedExchange {
  const { page: _page, readHeaders: _reads, ...record } = entry.record;
  return toLogged(record);
}

/** Rows, and how the panel fared on them: with the hook's data, and on the wire alone. */
interface Count {
  total: number;
  agree: number;
  /** Several possibilities shown, one of them Chromium's. */
  unknown: number;
  wireAgree: number;
  wireUnknown: number;
}

const newCount = (): Count => ({ total: 0, agree: 0, unknown: 0, wireAgree: 0, wireUnknown: 0 });

export class ChromiumAgreement {
  readonly all = newCount();
  readonly byInitiator: Record<string, Count> = {};
  /** What could not be known, for the rows shown as unknown. */
  readonly unknownWhy: Record<string, number> = {};
  blocked = 0;
  credentialedBlockedAtPreflight = 0;
  redirected = 0;
  readonly redirectedTo: Record<string, number> = {};
  /** Redirects to itself that the browser followed 20 times, then failed (net::ERR_TOO_MANY_REDIRECTS). */
  loops = 0;
  preflighted = 0;
  /** Preflights sent and answered by a redirect. */
  preflightRedirected = 0;
  readonly disagreements: string[] = [];

  add(row: ChromiumRow): void {
    const { c, cdp } = row;
    const initiator = `${c.initiator}${c.uploadListener ? ' (upload listener)' : ''}`;
    this.byInitiator[initiator] ??= newCount();
    const counts = [this.all, this.byInitiator[initiator]];
    for (const n of counts) n.total++;
    const problems: string[] = [];
    const entry = row.entries[0];
    const end = cdp?.end;
    if (row.entries.length !== 1) problems.push(`${row.entries.length} rows for one request`);
    if (end === undefined) problems.push('Chromium reported no end (CDP)');
    if (row.outcome === 'timeout') problems.push('the page saw no outcome within 20 s');
    // The page and CDP tell the same story, but for a no-cors load that ORB ended after the page had it.
    else if (
      end !== undefined &&
      (row.outcome === 'allowed') !== (end.kind === 'finished') &&
      !(
        row.outcome === 'allowed' &&
        c.mode === 'no-cors' &&
        end.kind === 'failed' &&
        end.corsError === undefined
      )
    )
      problems.push(`the page saw ${row.outcome}, CDP says ${end.kind}`);
    if (entry !== undefined && cdp !== undefined) {
      // The row carries its preflight exactly when Chromium sent one.
      if ((entry.record.preflight !== undefined) !== cdp.preflights > 0)
        problems.push(
          `Chromium sent ${cdp.preflights} preflight(s), the row has ${entry.record.preflight ? 'one' : 'none'}`,
        );
      // fetch() and XMLHttpRequest go through the hook in the page: the row must know the credentials mode.
      if (
        (c.initiator === 'fetch' || c.initiator === 'xhr') &&
        entry.record.page?.credentials !== c.credentials
      )
        problems.push(`the hook's credentials mode is ${entry.record.page?.credentials ?? 'missing'}`);
    }
    const theirs = end && chromiumSaid(row.outcome, end);
    const judged = entry && theirs ? judge(entry, theirs) : 'disagrees';
    if (judged === 'disagrees') problems.push('the panel disagrees');
    if (entry && theirs) {
      const wire = judge(withoutHook(entry), theirs);
      for (const n of counts) {
        if (wire === 'agrees') n.wireAgree++;
        else if (wire === 'unknown') n.wireUnknown++;
      }
    }
    if (theirs?.blocked) this.blocked++;
    if (c.redirect) {
      this.redirected++;
      const to = c.redirect.to;
      this.redirectedTo[to] = (this.redirectedTo[to] ?? 0) + 1;
      // A redirect to itself that passed CORS: the browser followed it until it gave up, and the row has every hop.
      if (to === 'itself' && theirs?.blocked && theirs.corsError === undefined) {
        this.loops++;
        if (entry?.record.hops.length !== 20)
          problems.push(
            `a redirect loop the browser ended: ${entry?.record.hops.length} hops in the row, not 20`,
          );
      }
    }
    if (
      c.preflight.status !== undefined &&
      c.preflight.status >= 300 &&
      c.preflight.status < 400 &&
      cdp?.preflights
    )
      this.preflightRedirected++;
    if ((cdp?.preflights ?? 0) > 0) this.preflighted++;
    // Blocked at the preflight: the preflight was answered (or failed) and the request itself never went out.
    if (c.credentials === 'include' && theirs?.blocked && entry?.record.preflight && !entry.record.response)
      this.credentialedBlockedAtPreflight++;
    if (problems.length > 0) {
      this.disagreements.push(describe(row, problems));
      return;
    }
    for (const n of counts) n[judged === 'unknown' ? 'unknown' : 'agree']++;
    if (judged === 'unknown') {
      const why = entry && rowOf(entry).verdict === 'uncertain' ? 'credentials mode' : 'header named';
      this.unknownWhy[why] = (this.unknownWhy[why] ?? 0) + 1;
    }
  }

  summary(): string {
    const { total, agree, unknown, wireAgree, wireUnknown } = this.all;
    return [
      `Chromium panel differential: ${total} exchanges (${total - (this.byInitiator.fetch?.total ?? 0)} not ` +
        `from fetch(), ${this.redirected} redirected ${JSON.stringify(this.redirectedTo)} (${this.loops} loops the browser ` +
        `ended), ${this.preflighted} preflighted, ${this.preflightRedirected} of ` +
        `those preflights answered by a redirect), ${this.blocked} blocked by Chromium ` +
        `(${this.credentialedBlockedAtPreflight} credentialed ones at the preflight)`,
      `with the hook: ${agree}/${total} agree exactly, ${unknown} shown as unknown (several ` +
        `possibilities shown, one of them Chromium's: ${JSON.stringify(this.unknownWhy)}), ${this.disagreements.length} disagree`,
      `wire alone (hook data removed): ${wireAgree}/${total} agree exactly, ${wireUnknown} shown as ` +
        `unknown, ${total - wireAgree - wireUnknown} wrong`,
      `by initiator: ${JSON.stringify(this.byInitiator)}`,
    ].join('\n');
  }
}

const brief = (v: Verdict) =>
  v.allowed
    ? 'allowed'
    : `blocked ${v.corsError ?? '(no CorsError)'} ${v.failedParameter === undefined ? '' : `‘${v.failedParameter}’`}` +
      `${v.chromiumReportsCorsError === false ? ' (not reported as a CorsError)' : ''}`;

function describe(row: ChromiumRow, problems: string[]): string {
  const { c, cdp } = row;
  const entry = row.entries[0];
  const record = entry?.record;
  const end = cdp?.end;
  return [
    `${c.name} (${c.credentials}${c.uploadListener ? ', upload listener' : ''}, ${c.mode}): ${problems.join('; ')}`,
    `    chromium ${row.outcome}; ${end === undefined ? 'no end' : end.kind === 'finished' ? 'finished' : `failed ${end.errorText} ${end.corsError ?? ''} ${end.failedParameter === undefined ? '' : `‘${end.failedParameter}’`}`} (${cdp?.requests ?? 0} request(s), ${cdp?.preflights ?? 0} preflight(s))`,
    ...row.entries.map(
      (e) =>
        `    panel    ${rowOf(e).verdict} ${rowOf(e).reason}: ${[e.verdict, e.verdict.ifCredentialed]
          .filter((v): v is Verdict => v !== undefined)
          .map(brief)
          .join(' | or, with credentials: ')}`,
    ),
    `    request  ${c.method} ${JSON.stringify(c.headers)} api ${c.api}${c.redirect ? ` → ${c.redirect.to}` : ''}`,
    `    preflight ${JSON.stringify(c.preflight)}`,
    `    response ${JSON.stringify(c.response)}${c.redirect ? `\n    target   ${JSON.stringify(c.redirect.response)}` : ''}`,
    `    record   ${JSON.stringify({ credentials: record?.request.credentials, page: record?.page, preflight: record?.preflight?.response?.status ?? record?.preflight?.error, hops: record?.hops.length, status: record?.response?.status, outcome: record?.outcome, error: record?.error })}`,
  ].join('\n');
}
