import type { ExchangeRecord } from './types';

/**
 * A request adopted mid-flight (service-worker restart) after an earlier worker had logged its start: keep what
 * only the earlier worker saw (the request as sent, its preflight, its start time) beside what the new one saw.
 */
export function mergeResumed(earlier: ExchangeRecord, resumed: ExchangeRecord): ExchangeRecord {
  if (resumed.resumed !== true || earlier.id !== resumed.id) return resumed;
  const merged: ExchangeRecord = {
    ...resumed,
    request: resumed.request.headers.length > 0 ? resumed.request : earlier.request,
    hops: resumed.hops.length >= earlier.hops.length ? resumed.hops : earlier.hops,
    startedAt: Math.min(earlier.startedAt, resumed.startedAt),
  };
  // The earlier worker saw the response headers the new one missed (it only saw the request end).
  if (
    resumed.incomplete === 'headers-unseen' &&
    earlier.response !== undefined &&
    earlier.incomplete === undefined
  ) {
    merged.response = { ...earlier.response, ...(resumed.response?.fromCache ? { fromCache: true } : {}) };
    delete merged.incomplete;
  }
  const preflight = resumed.preflight ?? earlier.preflight;
  if (preflight !== undefined) merged.preflight = preflight;
  if (resumed.preflightCached !== true && earlier.preflightCached === true) merged.preflightCached = true;
  return merged;
}
