// The hook's reports may reach the background before the request they belong to is logged (Firefox resolves
// fetch() before webRequest's last events arrive): they wait, and join the record when it comes.
import { afterEach, describe, expect, it } from 'vitest';
import { forgetCalls, rememberReads, takeReadsFor } from '../../../src/background/capture/page-calls';
import type { ExchangeRecord } from '../../../src/core/exchange';

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
