import { type FailureKind, failureKindShort } from '../core/cors';
import { type RowVerdict, rowVerdictOf } from '../core/exchange';
import { failureKindOfExchange } from '../core/failures';
import type { LoggedExchange } from '../shared/panel-protocol';

export type PreflightMark = 'sent' | 'cached' | 'none';

/** What one table row shows, computed once per entry (the search string included: filtering must stay cheap). */
export interface Row {
  id: string;
  entry: LoggedExchange;
  time: number;
  method: string;
  /** Origin + path, without the query. */
  url: string;
  /** The whole URL as captured (secrets already redacted): the URL cell's tooltip. */
  href: string;
  initiator: string;
  type: string;
  status: string;
  preflight: PreflightMark;
  verdict: RowVerdict;
  /** A few words: Chromium's error name, or why the row is not blocked. */
  reason: string;
  /** What kind of failure a blocked or failed row is (shown before the reason), e.g. a server error. */
  kind?: FailureKind;
  /** The request relies on `*` covering Authorization, which the Fetch standard does not allow. */
  wildcardAuthorization: boolean;
  /** Lower-cased URL, host, initiator and reason, for the text filter. */
  search: string;
}

const cache = new WeakMap<LoggedExchange, Row>();

/** The row for an entry; cached by identity, since the store keeps unchanged entries as the same objects. */
export function rowOf(entry: LoggedExchange): Row {
  const cached = cache.get(entry);
  if (cached) return cached;
  const row = build(entry);
  cache.set(entry, row);
  return row;
}

function build(entry: LoggedExchange): Row {
  const { record, verdict, override } = entry;
  const { verdict: verdictKind, reason } = rowVerdictOf(entry);
  const kind =
    verdictKind === 'blocked' || verdictKind === 'failed'
      ? failureKindOfExchange(record, verdict)
      : undefined;
  const url = shortUrl(record.request.url);
  const status =
    record.response !== undefined
      ? String(record.response.status)
      : record.outcome === 'failed'
        ? '(failed)'
        : record.outcome === 'pending'
          ? '(pending)'
          : '—';
  return {
    id: record.id,
    entry,
    time: record.startedAt,
    method: record.request.method,
    url,
    href: record.request.url,
    initiator: record.pageOrigin,
    type: record.type,
    status,
    preflight: record.preflight ? 'sent' : record.preflightCached ? 'cached' : 'none',
    verdict: verdictKind,
    reason,
    ...(kind === undefined ? {} : { kind }),
    wildcardAuthorization: (override?.verdict ?? verdict).wildcardAuthorization === true,
    search:
      `${record.request.url}\n${record.pageOrigin}\n${reason}\n${verdict.firefoxReason ?? ''}\n${kind === undefined ? '' : failureKindShort(kind)}`.toLowerCase(),
  };
}

/** Origin + path. The browser reports canonical URLs, so cutting at the query or fragment is enough: parsing
 * each of 10,000 URLs with `new URL` was the largest cost of the panel's first render. */
export function shortUrl(url: string): string {
  const query = url.indexOf('?');
  const fragment = url.indexOf('#');
  const end = Math.min(query < 0 ? url.length : query, fragment < 0 ? url.length : fragment);
  return url.slice(0, end);
}
