import { authorHeaders } from './author-headers';
import { capHeaderValue } from './cap-header-value';
import type { HeaderList } from './events';
import type { ExchangeDraft } from './exchange-draft';
import { inferCredentials } from './infer-credentials';
import { redactRecord } from './redact-record';
import type { ExchangeRecord, PreflightRecord } from './types';

/** A fresh, self-contained record of a draft, stamped with `seq`, its secrets hidden (redactRecord). */
export function toExchangeRecord(draft: ExchangeDraft, seq: number, acceptLanguage?: string): ExchangeRecord {
  const sent = draft.sent;
  const record: ExchangeRecord = {
    id: draft.id,
    seq,
    tabId: draft.tabId,
    pageOrigin: draft.pageOrigin,
    type: draft.type,
    request: {
      method: draft.method,
      url: draft.firstUrl,
      headers: copy(sent ?? []),
      authorHeaders:
        sent === undefined
          ? []
          : authorHeaders(sent, {
              type: draft.type,
              requestedHeaderNames: draft.preflight?.ask.headerNames,
              acceptLanguage,
            }).map(([name, value]) => [name, capHeaderValue(name, value)]),
      credentials: inferCredentials(sent),
    },
    hops: draft.hops.map((hop) => ({ ...hop, headers: copy(hop.headers) })),
    outcome: draft.outcome,
    startedAt: draft.startedAt,
  };
  if (draft.preflight !== undefined) {
    const preflight = draft.preflight;
    const preflightRecord: PreflightRecord = {
      requestId: preflight.requestId,
      request: { headers: copy(preflight.headers), time: preflight.sentAt },
    };
    if (preflight.response !== undefined) {
      preflightRecord.response = { ...preflight.response, headers: copy(preflight.response.headers) };
    }
    if (preflight.error !== undefined) preflightRecord.error = preflight.error;
    record.preflight = preflightRecord;
  }
  if (draft.preflightCached === true) record.preflightCached = true;
  if (draft.preflightCacheSource !== undefined) {
    const source = draft.preflightCacheSource;
    record.preflightCacheSource = { ...source, headers: copy(source.headers) };
  }
  if (draft.resumed === true) record.resumed = true;
  if (draft.response !== undefined) {
    record.response = { ...draft.response, headers: copy(draft.response.headers) };
  }
  if (draft.error !== undefined) record.error = draft.error;
  if (draft.incomplete !== undefined) record.incomplete = draft.incomplete;
  if (draft.endedAt !== undefined) record.endedAt = draft.endedAt;
  return redactRecord(record);
}

/** A copy of a header list, each value capped: a giant header would otherwise fill the log and its mirror. */
function copy(headers: HeaderList): HeaderList {
  return headers.map(([name, value]) => [name, capHeaderValue(name, value)]);
}
