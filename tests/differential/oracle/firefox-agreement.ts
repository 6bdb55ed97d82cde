// Compares what the panel shows for one exchange with what Firefox did, and keeps the counts the differential
// reports: by initiator, by Firefox reason, and apart, the rows where CORS Lens showed two possibilities (the
// credentials mode, or which of two reasons Firefox logged, could not be known).
import { evaluate, mdnPageFor, type Verdict } from '../../../src/core/cors';
import { toEngineExchange } from '../../../src/core/exchange';
import type { LoggedExchange } from '../../../src/shared/panel-protocol';
import type { PageOutcome } from '../initiators/run-in-page';
import type { ExchangeCase } from '../matrix-gen/exchange-matrix';
import type { FirefoxConsoleReason } from './parse-firefox-console';

export interface FirefoxRow {
  c: ExchangeCase;
  outcome: PageOutcome;
  /** Firefox's first console reason for this exchange (a failed preflight is followed by "did not succeed"). */
  logged?: FirefoxConsoleReason;
  /** The panel stream's entries for the request. */
  entries: LoggedExchange[];
}

/** How a verdict names Firefox's reason: exactly, only as the other possibility it shows, or not at all. */
type Naming = 'exact' | 'alternative' | 'wrong';

function naming(verdict: Verdict, row: FirefoxRow): Naming {
  const blocked = row.outcome !== 'allowed';
  if (!blocked) return verdict.allowed ? 'exact' : 'wrong';
  if (verdict.allowed) return 'wrong';
  const { logged } = row;
  if (logged === undefined) return verdict.firefoxReason === undefined ? 'exact' : 'wrong';
  // Firefox adds the status code to these two reasons.
  if (
    (logged.reason === 'CORSMissingAllowOrigin' || logged.reason === 'CORSPreflightDidNotSucceed') &&
    String(verdict.status) !== logged.status
  )
    return 'wrong';
  const names = (reason: string | undefined, detail: string | undefined) =>
    reason === logged.reason && (logged.detail === undefined || detail === logged.detail);
  if (names(verdict.firefoxReason, verdict.firefoxDetail)) return 'exact';
  const other = verdict.firefoxAlternative;
  return names(other?.reason, other?.detail) ? 'alternative' : 'wrong';
}

interface Count {
  total: number;
  blocked: number;
  agree: number;
}

export class FirefoxAgreement {
  readonly byInitiator: Record<string, Count> = {};
  readonly byReason: Record<string, Count> = {};
  total = 0;
  blocked = 0;
  /** Blocked rows whose first verdict names Firefox's reason exactly: a confident, right answer. */
  blockedNamedExactly = 0;
  /** Rows shown with both verdicts (credentials mode unknown), and of those, the ones whose first was Firefox's. */
  unknownCredentials = 0;
  unknownCredentialsFirstRight = 0;
  /** Blocked rows shown with two possible Firefox reasons, and of those, the ones whose first was Firefox's. */
  unknownReason = 0;
  unknownReasonFirstRight = 0;
  credentialedBlockedAtPreflight = 0;
  /** Blocked rows with a console reason, and how many of them the old table from Chromium's error named. */
  logged = 0;
  namedByLookup = 0;
  redirected = 0;
  readonly disagreements: string[] = [];

  add(row: FirefoxRow): void {
    const { c } = row;
    const blocked = row.outcome !== 'allowed';
    const initiator = `${c.initiator}${c.uploadListener ? ' (upload listener)' : ''}`;
    const reason = blocked ? (row.logged?.reason ?? '(none logged)') : 'allowed';
    const counts = [count(this.byInitiator, initiator), count(this.byReason, reason)];
    this.total++;
    for (const n of counts) n.total++;
    if (c.redirect) this.redirected++;
    if (blocked) {
      this.blocked++;
      for (const n of counts) n.blocked++;
    }
    const record = row.entries[0]?.record;
    if (blocked && row.logged && record) {
      // What CORS Lens showed before Firefox's checks were modelled: Chromium's error, looked up in a table.
      this.logged++;
      const chromium = evaluate(toEngineExchange(record)).corsError;
      if (chromium !== undefined && mdnPageFor(chromium) === row.logged.reason) this.namedByLookup++;
    }
    const problems: string[] = [];
    if (row.outcome === 'timeout') problems.push('the page saw no outcome within 20 s');
    if (!blocked && row.logged) problems.push(`allowed by the page, yet Firefox logged ${row.logged.reason}`);
    if (row.entries.length !== 1) problems.push(`${row.entries.length} rows for one request`);
    const verdict = row.entries[0]?.verdict;
    const shown = [verdict, verdict?.ifCredentialed].filter((v): v is Verdict => v !== undefined);
    const namings = shown.map((v) => naming(v, row));
    if (!namings.some((n) => n !== 'wrong')) problems.push('the panel disagrees');
    if (problems.length > 0) {
      this.disagreements.push(describe(row, problems, shown));
      return;
    }
    for (const n of counts) n.agree++;
    if (shown.length === 2) {
      this.unknownCredentials++;
      if (namings[0] !== 'wrong') this.unknownCredentialsFirstRight++;
    }
    if (!blocked) return;
    if (namings[0] === 'exact') this.blockedNamedExactly++;
    if (shown.some((v) => v.firefoxAlternative !== undefined)) {
      this.unknownReason++;
      if (namings.includes('exact')) this.unknownReasonFirstRight++;
    }
    // Blocked at the preflight: the preflight was answered and the request itself never went out.
    if (
      c.credentials === 'include' &&
      record?.preflight?.response !== undefined &&
      record.response === undefined
    )
      this.credentialedBlockedAtPreflight++;
  }

  summary(): string {
    return [
      `Firefox differential: ${this.total} exchanges (${this.redirected} redirected), ${this.blocked} blocked by Firefox ` +
        `(${this.credentialedBlockedAtPreflight} credentialed ones at the preflight); ` +
        `${this.total - this.disagreements.length}/${this.total} agree with Firefox; ` +
        `${this.blockedNamedExactly}/${this.blocked} blocked ones named exactly by the verdict shown first`,
      `shown as unknown, both possibilities on screen: ${this.unknownCredentials} for the credentials mode ` +
        `(the first one Firefox's in ${this.unknownCredentialsFirstRight}), ${this.unknownReason} for which of ` +
        `two reasons Firefox logged (the first one Firefox's in ${this.unknownReasonFirstRight})`,
      `a table from Chromium's error (CORS Lens before) would name Firefox's reason for ${this.namedByLookup}/${this.logged}`,
      `by initiator: ${JSON.stringify(this.byInitiator)}`,
      `by Firefox reason: ${JSON.stringify(this.byReason)}`,
    ].join('\n');
  }
}

function count(table: Record<string, Count>, key: string): Count {
  const existing = table[key];
  if (existing) return existing;
  const fresh = { total: 0, blocked: 0, agree: 0 };
  table[key] = fresh;
  return fresh;
}

const brief = (v: Verdict) =>
  v.allowed
    ? 'allowed'
    : `blocked ${v.firefoxReason ?? '(no Firefox reason)'}${v.firefoxDetail === undefined ? '' : ` ‘${v.firefoxDetail}’`}` +
      `${v.firefoxAlternative ? ` or ${v.firefoxAlternative.reason}` : ''} status ${v.status ?? '-'} [${v.corsError ?? '-'}]`;

function describe(row: FirefoxRow, problems: string[], shown: Verdict[]): string {
  const { c } = row;
  const record = row.entries[0]?.record;
  return [
    `${c.name} (${c.credentials}${c.uploadListener ? ', upload listener' : ''}): ${problems.join('; ')}`,
    `    firefox  ${row.outcome}${row.logged ? ` — ${row.logged.text.replace(/^.*\(Reason: /, '(Reason: ')}` : ''}`,
    `    panel    ${shown.map(brief).join(' | or, with credentials: ') || 'no row'}`,
    `    request  ${c.method} ${JSON.stringify(c.headers)} api ${c.api}${c.redirect ? ` → ${c.redirect.to}` : ''}`,
    `    preflight ${JSON.stringify(c.preflight)}`,
    `    response ${JSON.stringify(c.response)}${c.redirect ? `\n    target   ${JSON.stringify(c.redirect.response)}` : ''}`,
    `    record   ${JSON.stringify({ credentials: record?.request.credentials, page: record?.page, preflight: record?.preflight?.response?.status, hops: record?.hops.length, status: record?.response?.status, outcome: record?.outcome, error: record?.error })}`,
  ].join('\n');
}
