// The hook's reports may reach the background before the request they belong to is logged (Firefox resolves
// fetch() before webRequest's last events arrive): they wait, and join the record when it comes.
import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetCalls,
  rememberCalls,
  rememberReads,
  takeCallFor,
  takeReadsFor,
} from '../../../src/background/capture/page-calls';
import type { ExchangeRecord, PageRequest } from '../../../src/core/exchange';

const record = (url: string, tabId = 7): ExchangeRecord =>
  ({
    id: `r-${url}`,
    tabId,
    request: { url, method: 'GET', headers: [], type: 'xmlhttprequest', timeStamp: Date.now() },
    response: { url, status: 200, headers: [] },
  }) as unknown as ExchangeRecord;

afterEach(() => {
  forgetCalls(7);
  forgetCalls(8);
});

describe('header reads waiting for their response', () => {
  it('join the record of the same URL in the same tab, once', () => {
    rememberReads(7, [
      { url: 'https://api.test/a', header: 'x-request-id' },
      { url: 'https://api.test/a', header: 'etag' },
      { url: 'https://api.test/b', header: 'x-other' },
    ]);
    expect(takeReadsFor(record('https://api.test/a', 8))).toEqual([]);
    expect(takeReadsFor(record('https://api.test/a'))).toEqual(['x-request-id', 'etag']);
    expect(takeReadsFor(record('https://api.test/a'))).toEqual([]);
    expect(takeReadsFor(record('https://api.test/b'))).toEqual(['x-other']);
  });

  it('are dropped with the tab', () => {
    rememberReads(7, [{ url: 'https://api.test/a', header: 'x-request-id' }]);
    forgetCalls(7);
    expect(takeReadsFor(record('https://api.test/a'))).toEqual([]);
  });

  it('stay bounded for a page reading in a loop', () => {
    rememberReads(
      7,
      Array.from({ length: 2_000 }, (_, i) => ({ url: 'https://api.test/a', header: `x-${i}` })),
    );
    const taken = takeReadsFor(record('https://api.test/a'));
    expect(taken.length).toBeLessThanOrEqual(500);
    expect(taken.at(-1)).toBe('x-1999');
  });
});

describe('page calls waiting for their request', () => {
  const call = (url: string, method = 'GET', at = Date.now()): PageRequest => ({
    url,
    method,
    at,
    api: 'fetch',
    credentials: 'include',
    mode: 'cors',
  });
  const logged = (url: string, method = 'GET', startedAt = Date.now()): ExchangeRecord =>
    ({ ...record(url), request: { url, method, headers: [] }, startedAt }) as unknown as ExchangeRecord;

  it('joins each request to the earliest call to its URL and method, once', () => {
    const first = call('https://api.test/a', 'GET', Date.now() - 5);
    const second = call('https://api.test/a', 'GET', Date.now());
    rememberCalls(7, [call('https://api.test/b'), first, call('https://api.test/a', 'PUT'), second]);
    expect(takeCallFor(logged('https://api.test/a'))).toBe(first);
    expect(takeCallFor(logged('https://api.test/a'))).toBe(second);
    expect(takeCallFor(logged('https://api.test/a'))).toBeUndefined();
    expect(takeCallFor(logged('https://api.test/a', 'PUT'))?.method).toBe('PUT');
    expect(takeCallFor({ ...logged('https://api.test/b'), tabId: 8 } as ExchangeRecord)).toBeUndefined();
    expect(takeCallFor(logged('https://api.test/b'))?.url).toBe('https://api.test/b');
  });

  it('never joins a call made long before the request', () => {
    rememberCalls(7, [call('https://api.test/a', 'GET', Date.now() - 60_000)]);
    expect(takeCallFor(logged('https://api.test/a'))).toBeUndefined();
  });

  it('keeps the newest 500 calls of a tab when more wait', () => {
    const now = Date.now();
    rememberCalls(
      7,
      Array.from({ length: 600 }, (_, i) => call(`https://api.test/${i}`, 'GET', now - 600 + i)),
    );
    expect(takeCallFor(logged('https://api.test/99', 'GET', now - 501))).toBeUndefined();
    expect(takeCallFor(logged('https://api.test/100', 'GET', now - 500))?.url).toBe('https://api.test/100');
    expect(takeCallFor(logged('https://api.test/599', 'GET', now - 1))?.url).toBe('https://api.test/599');
  });
});
