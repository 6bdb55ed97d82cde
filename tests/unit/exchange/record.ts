import type { ExchangeRecord } from '../../../src/core/exchange/types';

/** A minimal record for log and conversion tests. */
export function record(id: string, seq: number, more: Partial<ExchangeRecord> = {}): ExchangeRecord {
  return {
    id,
    seq,
    tabId: 7,
    pageOrigin: 'http://localhost:3000',
    type: 'xmlhttprequest',
    request: {
      method: 'GET',
      url: 'http://127.0.0.1:4000/data',
      headers: [],
      authorHeaders: [],
      credentials: 'omit-or-same-origin',
    },
    hops: [],
    outcome: 'pending',
    startedAt: 1_000,
    ...more,
  };
}
