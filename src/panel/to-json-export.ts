import { type ExchangeRecord, redactHeaders } from '../core/exchange';
import type { LoggedExchange } from '../shared/panel-protocol';

export interface JsonExport {
  format: 'cors-lens-log';
  version: 1;
  creator: { name: 'CORS Lens'; version: string };
  entries: LoggedExchange[];
}

/**
 * The log as JSON, entries exactly as the panel holds them, with every header list redacted again: the
 * background already redacts, and an export must stay safe whatever produced the entries.
 */
export function toJsonExport(entries: LoggedExchange[], version: string): JsonExport {
  return {
    format: 'cors-lens-log',
    version: 1,
    creator: { name: 'CORS Lens', version },
    entries: entries.map((entry) => ({ ...entry, record: redactRecord(entry.record) })),
  };
}

function redactRecord(record: ExchangeRecord): ExchangeRecord {
  const { request, preflight, response, hops } = record;
  return {
    ...record,
    request: {
      ...request,
      headers: redactHeaders(request.headers),
      authorHeaders: redactHeaders(request.authorHeaders),
    },
    ...(preflight && {
      preflight: {
        ...preflight,
        request: { ...preflight.request, headers: redactHeaders(preflight.request.headers) },
        ...(preflight.response && {
          response: { ...preflight.response, headers: redactHeaders(preflight.response.headers) },
        }),
      },
    }),
    ...(response && { response: { ...response, headers: redactHeaders(response.headers) } }),
    hops: hops.map((hop) => ({ ...hop, headers: redactHeaders(hop.headers) })),
  };
}
