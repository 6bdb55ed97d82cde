// A batch of the page hook's reports joined with a tab's log: calls with the requests they made, reads with the
// responses read, and what finds nothing handed back to wait.
import { describe, expect, it } from 'vitest';
import { joinPageReports, type PageRead, type PageRequest } from '../../../src/core/exchange';
import { RECENT_FOR_CALLS } from '../../../src/core/exchange/join-page-reports';
import type { ExchangeRecord } from '../../../src/core/exchange/types';
import { record } from './record';

const URL = 'http://127.0.0.1:4000/data';

function call(more: Partial<PageRequest> = {}): PageRequest {
  return { api: 'fetch', url: URL, method: 'GET', credentials: 'include', mode: 'cors', at: 1_000, ...more };
}

const read = (header: string, url = URL): PageRead => ({ url, header });

function get(url: string, id: string, seq: number, more: Partial<ExchangeRecord> = {}): ExchangeRecord {
  const base = record(id, seq, more);
  return { ...base, request: { ...base.request, url } };
}

describe('joinPageReports', () => {
  it('joins each call with the oldest record it made that no call has joined yet', () => {
    const log = [get(URL, '7:1', 1), get(URL, '7:2', 2), get('http://127.0.0.1:4000/other', '7:3', 3)];
    const { changed, waitingCalls } = joinPageReports(log, {
      calls: [call({ credentials: 'include' }), call({ credentials: 'omit', api: 'xhr' })],
      reads: [],
    });
    expect(waitingCalls).toEqual([]);
    expect(changed.map((r) => [r.id, r.page?.credentials, r.page?.api])).toEqual([
      ['7:1', 'include', 'fetch'],
      ['7:2', 'omit', 'xhr'],
    ]);
  });

  it('hands back the calls and reads whose request is not logged yet, and changes nothing for them', () => {
    const log = [get(URL, '7:1', 1, { page: { api: 'fetch', credentials: 'omit', mode: 'cors' } })];
    const late = call({ url: 'http://127.0.0.1:4000/later' });
    const lateRead = read('x-total', 'http://127.0.0.1:4000/later');
    // The only record of URL was joined by an earlier batch: a second call of it waits for its own request.
    const again = call();
    expect(joinPageReports(log, { calls: [late, again], reads: [lateRead] })).toEqual({
      changed: [],
      waitingCalls: [late, again],
      waitingReads: [lateRead],
    });
  });

  it('a call too far in time from the request is not its call', () => {
    const { changed, waitingCalls } = joinPageReports([get(URL, '7:1', 1)], {
      calls: [call({ at: 20_000 })],
      reads: [],
    });
    expect(changed).toEqual([]);
    expect(waitingCalls).toHaveLength(1);
  });

  it('joins a read with the newest record of its URL, on top of what a call of the same batch added', () => {
    const log = [
      get(URL, '7:1', 1, { page: { api: 'xhr', credentials: 'omit', mode: 'cors' } }),
      get(URL, '7:2', 2),
    ];
    const { changed } = joinPageReports(log, { calls: [call()], reads: [read('x-total'), read('etag')] });
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      id: '7:2',
      page: { credentials: 'include' },
      readHeaders: ['x-total', 'etag'],
    });
  });

  it('a header already read changes nothing', () => {
    const log = [get(URL, '7:1', 1, { readHeaders: ['etag'] })];
    expect(joinPageReports(log, { calls: [], reads: [read('etag')] }).changed).toEqual([]);
  });

  it('a read matches the response URL after a redirect as well as the request URL', () => {
    const final = 'http://127.0.0.1:4000/moved';
    const log = [get(URL, '7:1', 1, { response: { url: final, status: 200, headers: [], time: 1_010 } })];
    const { changed } = joinPageReports(log, { calls: [], reads: [read('a', final), read('b', URL)] });
    expect(changed.map((r) => r.readHeaders)).toEqual([['a', 'b']]);
  });

  it(`looks for a call's request among the newest ${RECENT_FOR_CALLS} records only`, () => {
    const log = [get(URL, '7:0', 0)];
    for (let i = 1; i <= RECENT_FOR_CALLS; i++) log.push(get(`http://127.0.0.1:4000/n${i}`, `7:${i}`, i));
    const { changed, waitingCalls } = joinPageReports(log, { calls: [call()], reads: [] });
    expect(changed).toEqual([]);
    expect(waitingCalls).toHaveLength(1);
  });

  it('leaves the log it was given as it was', () => {
    const log = [get(URL, '7:1', 1)];
    const before = structuredClone(log);
    joinPageReports(log, { calls: [call()], reads: [read('etag')] });
    expect(log).toEqual(before);
  });
});
