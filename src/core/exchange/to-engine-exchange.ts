import type { HeaderList } from './events';
import { headerValue } from './header-value';
import { inferRequestMode } from './infer-request-mode';
import { parsePreflightRequest } from './parse-preflight-request';
import type { ExchangeRecord } from './types';

// A structural copy of the CORS engine's input (src/core/cors), kept here so that this module need not import the
// engine: TypeScript checks the two agree wherever a record meets the engine.
export interface Exchange {
  origin: string;
  request: {
    url: string;
    method: string;
    /** Author headers. */
    headers: HeaderList;
    credentials: 'omit' | 'same-origin' | 'include';
    mode?: 'cors' | 'no-cors';
    useCorsPreflight?: boolean;
    headerOrderUnknown?: boolean;
  };
  preflight?: { status: number; headers: HeaderList; location?: string };
  /** Redirect hops first, final response last; empty when the actual request was never sent. */
  responses: { url: string; status: number; headers: HeaderList }[];
  networkError?: string;
  preflightNetworkError?: string;
  cachedPreflight?: { headers: HeaderList };
}

/**
 * Stands for a header value the browser never showed us: a request that failed its preflight was never sent, so
 * only the names in Access-Control-Request-Headers are known. The browser listed them because they are unsafe, and
 * this value is unsafe for every safelisted name too ("(" is a CORS-unsafe request-header byte; Fetch §2.2.2).
 */
export const UNKNOWN_HEADER_VALUE = '(not sent)';

/** The CORS engine's view of a record. */
export function toEngineExchange(record: ExchangeRecord): Exchange {
  const { request } = record;
  const sent = request.credentials !== 'unknown';
  const exchange: Exchange = {
    origin: record.pageOrigin,
    request: {
      url: request.url,
      method: request.method,
      headers: sent ? copy(request.authorHeaders) : headersAskedByPreflight(record),
      // The page's own call says; else the wire: without cookies a cross-origin request behaves the same under omit
      // and same-origin, and a credentialed one without cookies looks the same (evaluateObserved handles that).
      credentials:
        record.page?.credentials ?? (request.credentials === 'include' ? 'include' : 'same-origin'),
    },
    responses: [
      ...record.hops.map((hop) => ({ url: hop.url, status: hop.status, headers: copy(hop.headers) })),
      ...(record.response === undefined
        ? []
        : [
            {
              url: record.response.url,
              status: record.response.status,
              headers: copy(record.response.headers),
            },
          ]),
    ],
  };
  // Never sent: its unsafe header names come sorted from the preflight, not in the order the browser checks them.
  if (!sent && exchange.request.headers.length > 1) exchange.request.headerOrderUnknown = true;
  // An XMLHttpRequest upload listener registered before send() forces a preflight (Fetch's use-CORS-preflight flag).
  if (record.page?.uploadListeners === true) exchange.request.useCorsPreflight = true;
  const pageMode = record.page?.mode;
  if (pageMode === 'cors' || pageMode === 'no-cors') exchange.request.mode = pageMode;
  else if (sent) exchange.request.mode = inferRequestMode(request.method, request.headers, record.type);
  else if (record.preflight !== undefined) exchange.request.mode = 'cors';
  // What the browser reported instead of a response: the engine recognises Local Network Access refusals by it.
  if (record.outcome === 'failed' && record.response === undefined && record.error !== undefined)
    exchange.networkError = record.error;
  const preflightResponse = record.preflight?.response;
  if (preflightResponse === undefined && record.preflight?.error !== undefined)
    exchange.preflightNetworkError = record.preflight.error;
  if (record.preflightCacheSource !== undefined)
    exchange.cachedPreflight = { headers: copy(record.preflightCacheSource.headers) };
  if (preflightResponse !== undefined) {
    exchange.preflight = { status: preflightResponse.status, headers: copy(preflightResponse.headers) };
    const location = headerValue(preflightResponse.headers, 'location');
    if (preflightResponse.status >= 300 && preflightResponse.status < 400 && location !== undefined) {
      exchange.preflight.location = location;
    }
  }
  return exchange;
}

function headersAskedByPreflight(record: ExchangeRecord): HeaderList {
  if (record.preflight === undefined) return [];
  const ask = parsePreflightRequest('OPTIONS', record.preflight.request.headers);
  return (ask?.headerNames ?? []).map((name) => [name, UNKNOWN_HEADER_VALUE]);
}

function copy(headers: HeaderList): HeaderList {
  return headers.map(([name, value]) => [name, value]);
}
