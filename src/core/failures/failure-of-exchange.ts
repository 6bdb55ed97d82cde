import { type FailureHeadline, type FailureKind, failureHeadline, failureKind } from '../cors';
import type { Verdict } from '../cors/types';
import type { ExchangeRecord } from '../exchange/types';

/** The kind of failure of a logged exchange; undefined while pending and when the page could read it. */
export function failureKindOfExchange(record: ExchangeRecord, verdict: Verdict): FailureKind | undefined {
  return failureKind(verdict, { pageOrigin: record.pageOrigin, outcome: record.outcome });
}

/** The headline of a logged exchange's failure, with the facts the record holds (error, status line, headers). */
export function failureHeadlineOfExchange(
  record: ExchangeRecord,
  verdict: Verdict,
): FailureHeadline | undefined {
  const kind = failureKindOfExchange(record, verdict);
  if (kind === undefined) return undefined;
  const stage = verdict.stage;
  const url =
    stage?.kind === 'redirect'
      ? (record.hops[stage.hop]?.url ?? record.request.url)
      : (record.response?.url ?? record.request.url);
  const networkError = record.error ?? record.preflight?.error;
  const response = record.response;
  return failureHeadline({
    kind,
    verdict,
    pageOrigin: record.pageOrigin,
    url,
    ...(networkError === undefined ? {} : { networkError }),
    ...(response === undefined
      ? {}
      : {
          response: {
            status: response.status,
            headers: response.headers,
            ...(response.statusLine === undefined ? {} : { statusLine: response.statusLine }),
          },
        }),
  });
}
