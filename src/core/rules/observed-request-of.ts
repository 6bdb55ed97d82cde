import { type ExchangeRecord, isBlocked, toLogged } from '../exchange';
import type { ObservedRequest } from './observed-targets';

/** What a finished exchange tells the popup's "called by this page" list about its target. */
export function observedRequestOf(record: ExchangeRecord): ObservedRequest {
  const { request } = record;
  return {
    url: request.url,
    method: request.method,
    requestHeaders: request.authorHeaders.map(([name]) => name),
    credentials:
      record.page?.credentials === 'include' || request.credentials === 'include'
        ? 'include'
        : record.page !== undefined
          ? 'omit'
          : request.credentials === 'unknown'
            ? 'unknown'
            : 'omit',
    blocked: isBlocked(toLogged(record)),
    ...(record.preflight?.response ? { preflightStatus: record.preflight.response.status } : {}),
  };
}
