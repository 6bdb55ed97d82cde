import { preflightAnsweredLabel } from './preflight-answered';
import type { LoggedExchange } from './to-logged';

/** `failed`: the browser failed the request although the headers CORS Lens saw pass (e.g. a credentials mode
 * webRequest does not expose, or a network error): never shown as allowed. */
export type RowVerdict = 'pending' | 'allowed' | 'blocked' | 'override' | 'failed' | 'uncertain';

/** What a log row says of an exchange: its verdict in one word, and a few words why (Chromium's error name, or
 * why the row is not blocked). Never more certain than what was seen. */
export function rowVerdictOf(entry: LoggedExchange): { verdict: RowVerdict; reason: string } {
  const verdict = kindOf(entry);
  return { verdict, reason: reasonOf(entry, verdict) };
}

/** Firefox reports the headers after the override rewrote them: the server's own answer is unknown, so the row
 * credits the override rather than the server. */
const serverHeadersUnseen = (entry: LoggedExchange) => entry.override?.serverHeadersUnseen === true;

function kindOf(entry: LoggedExchange): RowVerdict {
  const { record, verdict, override } = entry;
  if (record.outcome === 'pending') return 'pending';
  if (record.incomplete === 'headers-unseen') return 'uncertain';
  if (serverHeadersUnseen(entry) && override?.verdict.allowed) return 'override';
  if (!verdict.allowed) return override?.verdict.allowed ? 'override' : 'blocked';
  if (record.outcome === 'failed') return 'failed';
  return verdict.ifCredentialed ? 'uncertain' : 'allowed';
}

function reasonOf(entry: LoggedExchange, kind: RowVerdict): string {
  const { record, verdict } = entry;
  switch (kind) {
    case 'pending':
      return 'Pending';
    case 'blocked':
      return verdict.corsError ?? record.error ?? 'Blocked';
    case 'failed':
      return record.error ?? 'Failed';
    case 'uncertain':
      return record.incomplete === 'headers-unseen'
        ? 'response headers unseen'
        : `${verdict.ifCredentialed?.corsError ?? 'blocked'} if credentialed`;
    case 'override':
      if (serverHeadersUnseen(entry)) return "server's headers unseen";
      return preflightAnsweredLabel(entry) ?? `server: ${verdict.corsError ?? 'blocked'}`;
    case 'allowed':
      if (verdict.hiddenReads?.length) return `${verdict.hiddenReads.join(', ')} read but not exposed`;
      return verdict.preflightRequired ? 'Preflight passed' : 'CORS check passed';
  }
}
