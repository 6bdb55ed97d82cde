// The page's own calls (CORS Lens's hook in the page): untrusted input, parsed field by field, and joined with the
// request the browser reports by URL, method and time.
import { describe, expect, it } from 'vitest';
import {
  isCallFor,
  type PageRequest,
  parsePageRequests,
  toEngineExchange,
  withPageCall,
} from '../../../src/core/exchange';
import type { ExchangeRecord } from '../../../src/core/exchange/types';

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
