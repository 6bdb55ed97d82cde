// The page's own calls (CORS Lens's hook in the page): untrusted input, parsed field by field, and joined with the
// request the browser reports by URL, method and time.
import { describe, expect, it } from 'vitest';
import {
  isCallFor,
  isReadOf,
  type PageRequest,
  parsePageReports,
  parsePageRequests,
  toEngineExchange,
  toLogged,
  withHeaderRead,
  withPageCall,
} from '../../../src/core/exchange';
import type { ExchangeRecord } from '../../../src/core/exchange/types';
import { fixInputForExchange } from '../../../src/core/fixes';

const AT = 1_800_000_000_000;
const call = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    api: 'fetch',
    url: 'http://127.0.0.1:8081/api?q=1',
    method: 'GET',
    credentials: 'include',
    mode: 'cors',
    location: 'http://localhost:5173/app.js:12:5',
    at: AT,
    ...fields,
  });

function record(fields: Partial<ExchangeRecord> = {}): ExchangeRecord {
  return {
    id: '1:1',
    seq: 1,
    tabId: 1,
    pageOrigin: 'http://localhost:5173',
    type: 'xmlhttprequest',
    request: {
      method: 'GET',
      url: 'http://127.0.0.1:8081/api?q=1',
      headers: [['Origin', 'http://localhost:5173']],
      authorHeaders: [],
      credentials: 'omit-or-same-origin',
    },
    hops: [],
    outcome: 'completed',
    startedAt: AT + 3,
    ...fields,
  };
}

describe('parsePageRequests', () => {
  it('keeps well-formed calls, with the URL redacted like the captured one', () => {
    const [parsed] = parsePageRequests([call({ url: 'http://127.0.0.1:8081/api?access_token=abc&q=1' })]);
    expect(parsed).toMatchObject({
      api: 'fetch',
      method: 'GET',
      credentials: 'include',
      mode: 'cors',
      at: AT,
    });
    expect(parsed?.url).not.toContain('abc');
    expect(parsed?.location).toBe('http://localhost:5173/app.js:12:5');
  });

  it.each([
    ['not JSON', '{'],
    ['an unknown api', call({ api: 'beacon' })],
    ['a non-http URL', call({ url: 'javascript:alert(1)' })],
    ['a method with spaces', call({ method: 'GET X' })],
    ['an unknown credentials mode', call({ credentials: 'always' })],
    ['an unknown request mode', call({ mode: 'websocket' })],
  ])('drops %s without throwing', (_name, bad) => {
    expect(parsePageRequests([bad, call()])).toHaveLength(1);
  });

  it('accepts only a list of strings, at most 200 of them', () => {
    expect(parsePageRequests({ not: 'a list' })).toEqual([]);
    expect(parsePageRequests([42, null, {}])).toEqual([]);
    expect(parsePageRequests(Array.from({ length: 500 }, () => call()))).toHaveLength(200);
  });
});

describe('joining a call with its request', () => {
  const [parsed] = parsePageRequests([call()]) as [PageRequest];

  it('matches the same URL and method close in time, not another', () => {
    expect(isCallFor(record(), parsed)).toBe(true);
    expect(isCallFor(record({ startedAt: AT + 60_000 }), parsed)).toBe(false);
    expect(isCallFor(record({ request: { ...record().request, method: 'POST' } }), parsed)).toBe(false);
    expect(
      isCallFor(record({ request: { ...record().request, url: 'http://127.0.0.1:8081/other' } }), parsed),
    ).toBe(false);
    expect(isCallFor(withPageCall(record(), parsed), parsed)).toBe(false); // joined once only
  });

  it('gives the engine the credentials mode the page asked for, which the wire does not show', () => {
    expect(toEngineExchange(record()).request.credentials).toBe('same-origin');
    expect(toEngineExchange(withPageCall(record(), parsed)).request.credentials).toBe('include');
    const noCors = withPageCall(record(), { ...parsed, mode: 'no-cors' });
    expect(toEngineExchange(noCors).request.mode).toBe('no-cors');
  });
});

describe('response headers the script read', () => {
  it('are parsed from the batch beside the calls, lower-cased, and junk dropped', () => {
    const reads = parsePageReports([
      JSON.stringify({ kind: 'read', url: 'http://127.0.0.1:8081/api?q=1', header: 'X-Request-Id' }),
      JSON.stringify({ kind: 'read', url: 'http://127.0.0.1:8081/api', header: 'bad header' }),
      call(),
    ]);
    expect(reads.reads).toEqual([{ url: 'http://127.0.0.1:8081/api?q=1', header: 'x-request-id' }]);
    expect(reads.calls).toHaveLength(1);
  });

  it('a read of a header the response carries but does not expose: the verdict says the script got null, and the fix exposes it', () => {
    const answered = record({
      response: {
        url: 'http://127.0.0.1:8081/api?q=1',
        status: 200,
        headers: [
          ['Access-Control-Allow-Origin', 'http://localhost:5173'],
          ['X-Request-Id', '7'],
        ],
        time: AT + 9,
      },
    });
    const [read] = parsePageReports([
      JSON.stringify({ kind: 'read', url: 'http://127.0.0.1:8081/api?q=1', header: 'X-Request-Id' }),
    ]).reads;
    if (!read) throw new Error('no read');
    expect(isReadOf(answered, read)).toBe(true);
    const entry = toLogged(withHeaderRead(answered, read.header));
    expect(entry.verdict.allowed).toBe(true);
    expect(entry.verdict.hiddenReads).toEqual(['x-request-id']);
    expect(entry.verdict.notes?.join(' ')).toContain('Access-Control-Expose-Headers: x-request-id');
    expect(fixInputForExchange(entry.record, entry.verdict)?.exposeHeaders).toEqual(['x-request-id']);
    // Without the read, nothing to fix.
    expect(fixInputForExchange(answered, toLogged(answered).verdict)).toBeUndefined();
  });
});
