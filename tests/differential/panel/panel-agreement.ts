// Whether what the panel shows for an exchange is Chromium's own verdict. "What the panel shows" is the panel's own
// row (src/panel/row-of.ts: the verdict cell, allowed / blocked / failed / uncertain, and its reason, the CorsError
// name) plus the failedParameter of the verdict that row is made from; Chromium's is CDP's.
import { type RowVerdict, rowOf } from '../../../src/panel/row-of';
import type { LoggedExchange } from '../../../src/shared/panel-protocol';
import type { CdpOutcome } from '../../harness/cdp-outcomes';

export interface Shown {
  row: RowVerdict;
  /** The CorsError the row names, when Chromium would report one (see Verdict.chromiumReportsCorsError). */
  corsError?: string;
  failedParameter?: string;
}

export function shownOf(entry: LoggedExchange): Shown {
  const row = rowOf(entry);
  const { verdict } = entry;
  if (row.verdict !== 'blocked' || verdict.corsError === undefined) return { row: row.verdict };
  // The row's reason is the CorsError name; Chromium names some failures without a corsErrorStatus (a redirected
  // preflight is net::ERR_INVALID_REDIRECT): the engine says which (chromiumReportsCorsError).
  if (row.reason !== verdict.corsError)
    throw new Error(`row reason ${row.reason} is not ${verdict.corsError}`);
  if (verdict.chromiumReportsCorsError === false) return { row: row.verdict };
  return { row: row.verdict, corsError: verdict.corsError, failedParameter: verdict.failedParameter ?? '' };
}

export type ChromiumEnd = NonNullable<CdpOutcome['end']>;

/** Chromium's verdict in the same terms. */
export function chromiumShown(end: ChromiumEnd): Omit<Shown, 'row'> & { blocked: boolean } {
  if (end.kind === 'finished') return { blocked: false };
  return end.corsError === undefined
    ? { blocked: true }
    : { blocked: true, corsError: end.corsError, failedParameter: end.failedParameter ?? '' };
}

/**
 * Agreement: an allowed row for a request Chromium let through; a blocked row naming Chromium's CorsError and
 * failedParameter (none where Chromium gives none); a failed row (the browser failed it, not for a CORS reason the
 * headers show) only where Chromium gave no CorsError either. An uncertain row never agrees: in Chromium the
 * extension sees every refusal, and the hook in the page tells the credentials mode of fetch() and XMLHttpRequest.
 */
export function agrees(shown: Shown, end: ChromiumEnd): boolean {
  const theirs = chromiumShown(end);
  switch (shown.row) {
    case 'allowed':
      return !theirs.blocked;
    case 'blocked':
      return (
        theirs.blocked &&
        theirs.corsError === shown.corsError &&
        theirs.failedParameter === shown.failedParameter
      );
    case 'failed':
      return theirs.blocked && theirs.corsError === undefined;
    default:
      return false;
  }
}
