// A row as streamed to panels carries no header list, and says so; its detail joins it again only when it is the
// same state of the request or a newer one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HeaderList } from '../../../src/core/exchange/events';
import { summaryOf, withDetail } from '../../../src/core/exchange/row-summary';
import type { LoggedExchange } from '../../../src/core/exchange/to-logged';
import { record } from './record';

const h = (...names: string[]): HeaderList => names.map((n) => [n, `${n}-value`]);

/** A row with every header list filled: request, author, preflight both ways, a redirect, response, cache source. */
function whole(seq = 3): LoggedExchange {
  return {
    record: record('7:r1', seq, {
      request: {
        method: 'PUT',
        url: 'http://127.0.0.1:4000/data',
        headers: h('Origin', 'X-Token'),
        authorHeaders: h('X-Token'),
        credentials: 'include',
      },
      preflight: {
        requestId: 'p1',
        request: { headers: h('Access-Control-Request-Method'), time: 1 },
        response: { status: 204, headers: h('Access-Control-Allow-Origin'), time: 2 },
      },
      preflightCacheSource: { requestId: 'p0', answeredAt: 0, headers: h('Access-Control-Max-Age') },
      hops: [
        { url: 'http://127.0.0.1:4000/old', status: 307, headers: h('Location'), location: '/data', time: 3 },
      ],
      response: { url: 'http://127.0.0.1:4000/data', status: 200, headers: h('Content-Type'), time: 4 },
      outcome: 'completed',
      readHeaders: ['x-total'],
    }),
    verdict: {
      allowed: true,
      preflightRequired: true,
      preflightReasons: [],
      exposedHeaders: [],
      explanation: 'ok',
    },
  };
}

describe('summaryOf', () => {
  it('empties every header list, keeps everything the list shows, and marks the row', () => {
    const entry = whole();
    const summary = summaryOf(entry);
    const r = summary.record;
    expect(summary.headersOmitted).toBe(true);
    expect([
      r.request.headers,
      r.request.authorHeaders,
      r.preflight?.request.headers,
      r.preflight?.response?.headers,
      r.preflightCacheSource?.headers,
      r.hops[0]?.headers,
      r.response?.headers,
    ]).toEqual([[], [], [], [], [], [], []]);
    expect(r.response?.status).toBe(200);
    expect(r.preflight?.response?.status).toBe(204);
    expect(r.hops[0]?.location).toBe('/data');
    expect(r.readHeaders).toEqual(['x-total']);
    expect(summary.verdict).toBe(entry.verdict);
    // The background's record is left as it was.
    expect(entry.record.request.headers).toEqual(h('Origin', 'X-Token'));
    expect(entry.headersOmitted).toBeUndefined();
  });

  it('adds no preflight, response or cache source a record does not have', () => {
    const summary = summaryOf({ record: record('7:r2', 1), verdict: whole().verdict });
    expect(Object.keys(summary.record).sort()).toEqual(Object.keys(record('7:r2', 1)).sort());
  });

  it('property: whatever the headers, a summary is smaller than its row as JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ minLength: 1 }), fc.string())), (headers) => {
        const entry = whole();
        entry.record.request.headers = headers;
        const summary = JSON.stringify(summaryOf(entry).record);
        return summary.length < JSON.stringify(entry.record).length;
      }),
    );
  });
});

describe('withDetail', () => {
  it('same state: the row’s own verdict with the whole record, unmarked', () => {
    const held = whole(3);
    const shown = { ...summaryOf(held), verdict: { ...held.verdict, explanation: 'as the row was judged' } };
    const joined = withDetail(shown, held);
    expect(joined?.headersOmitted).toBeUndefined();
    expect(joined?.record).toBe(held.record);
    expect(joined?.verdict.explanation).toBe('as the row was judged');
  });

  it('a newer state held: the held entry whole', () => {
    const held = whole(5);
    expect(withDetail(summaryOf(whole(3)), held)).toBe(held);
  });

  it('an older state, another row, or another summary: nothing', () => {
    expect(withDetail(summaryOf(whole(5)), whole(3))).toBeUndefined();
    const other = whole(3);
    other.record = { ...other.record, id: '7:r9' };
    expect(withDetail(summaryOf(whole(3)), other)).toBeUndefined();
    expect(withDetail(summaryOf(whole(3)), summaryOf(whole(3)))).toBeUndefined();
  });
});
