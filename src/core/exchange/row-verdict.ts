import { preflightAnsweredLabel } from './preflight-answered';
import type { LoggedExchange } from './to-logged';

/** `failed`: the browser failed the request although the headers CORS Lens saw pass (e.g. a credentials mode
 * webRequest does not expose, or a network error): never shown as allowed. */
export type RowVerdict = 'pending' | 'allowed' | 'blocked' | 'override' | 'failed' | 'uncertain';

/** What a log row says of an exchange: its verdict in one word, and a few words why (Chromium's error name, or
 * why the row is not blocked). Never more certain than what was seen. */
export function rowVerdictOf(entry: LoggedExchange): { verdict: RowVerdict; reason: string } {
  const { record, verdict, override } = entry;
  // Firefox reports the headers after the override rewrote them: the server's own answer is unknown, so the row
  // credits the override rather than the server.
  const unseen = override?.serverHeadersUnseen === true;
  const kind: RowVerdict =
    record.outcome === 'pending'
      ? 'pending'
      : record.incomplete === 'headers-unseen'
        ? 'uncertain'
        : unseen && override.verdict.allowed
          ? 'override'
          : verdict.allowed
            ? record.outcome === 'failed'
              ? 'failed'
              : verdict.ifCredentialed
                ? 'uncertain'
                : 'allowed'
            : override?.verdict.allowed
              ? 'override'
              : 'blocked';
  const reason =
    kind === 'blocked'
      ? (verdict.corsError ?? record.error ?? 'Blocked')
      : kind === 'uncertain'
        ? record.incomplete === 'headers-unseen'
          ? 'response headers unseen'
          : `${verdict.ifCredentialed?.corsError ?? 'blocked'} if credentialed`
        : kind === 'override'
          ? unseen
            ? "server's headers unseen"
            : (preflightAnsweredLabel(entry) ?? `server: ${verdict.corsError ?? 'blocked'}`)
          : kind === 'pending'
            ? 'Pending'
            : kind === 'failed'
              ? (record.error ?? 'Failed')
              : verdict.hiddenReads?.length
                ? `${verdict.hiddenReads.join(', ')} read but not exposed`
                : verdict.preflightRequired
                  ? 'Preflight passed'
                  : 'CORS check passed';
  return { verdict: kind, reason };
}
