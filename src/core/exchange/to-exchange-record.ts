import { authorHeaders } from './author-headers';
import { capHeaderValue } from './cap-header-value';
import type { ExchangeDraft } from './exchange-draft';
import { inferCredentials } from './infer-credentials';
import { redactRecord } from './redact-record';
import type { ExchangeRecord, PreflightRecord } from './types';

/**
 * A fresh, self-contained record of a draft, stamped with `seq`, its secrets hidden and its header values capped
 * (redactRecord, which copies every list: the draft's are handed to it as they are, so each is copied once).
 */
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
      headers: sent ?? [],
      authorHeaders:
        sent === undefined
          ? []
          : authorHeaders(sent, {
              type: draft.type,
              requestedHeaderNames: draft.preflight?.ask.headerNames,
              acceptLanguage,
            }),
      credentials: inferCredentials(sent),
    },
    hops: draft.hops,
    outcome: draft.outcome,
    startedAt: draft.startedAt,
  };
  if (draft.preflight !== undefined) {
    const preflight = draft.preflight;
    const preflightRecord: PreflightRecord = {
      requestId: preflight.requestId,
      request: { headers: preflight.headers, time: preflight.sentAt },
    };
    if (preflight.response !== undefined) preflightRecord.response = preflight.response;
    if (preflight.error !== undefined) preflightRecord.error = preflight.error;
    record.preflight = preflightRecord;
  }
  if (draft.preflightCached === true) record.preflightCached = true;
  if (draft.preflightCacheSource !== undefined) record.preflightCacheSource = draft.preflightCacheSource;
  if (draft.resumed === true) record.resumed = true;
  if (draft.response !== undefined) record.response = draft.response;
  if (draft.error !== undefined) record.error = draft.error;
  if (draft.incomplete !== undefined) record.incomplete = draft.incomplete;
  if (draft.endedAt !== undefined) record.endedAt = draft.endedAt;
  // Capped: a giant header would otherwise fill the log and its mirror.
  return redactRecord(record, capHeaderValue);
}
