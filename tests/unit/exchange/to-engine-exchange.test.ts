import { describe, expect, it } from 'vitest';
import { toEngineExchange, UNKNOWN_HEADER_VALUE } from '../../../src/core/exchange/to-engine-exchange';
import { record } from './record';

const data = 'http://127.0.0.1:4000/data';

describe('toEngineExchange', () => {
  it('a sent request: author headers, credentials, mode, hops then the final response', () => {
    const exchange = toEngineExchange(
      record('7:1', 1, {
        request: {
          method: 'PUT',
          url: data,
          headers: [
            ['X-Token', 'a'],
            ['Cookie', '<redacted>'],
            ['Sec-Fetch-Mode', 'cors'],
          ],
          authorHeaders: [['X-Token', 'a']],
          credentials: 'include',
        },
        preflight: {
          requestId: 'p',
          request: { headers: [['Access-Control-Request-Method', 'PUT']], time: 1 },
          response: { status: 204, headers: [['Access-Control-Allow-Methods', 'PUT']], time: 2 },
        },
        hops: [
          { url: data, status: 307, headers: [['Location', `${data}/2`]], location: `${data}/2`, time: 3 },
        ],
        response: { url: `${data}/2`, status: 200, headers: [['Access-Control-Allow-Origin', '*']], time: 4 },
      }),
    );
    expect(exchange).toEqual({
      origin: 'http://localhost:3000',
      request: {
        url: data,
        method: 'PUT',
        headers: [['X-Token', 'a']],
        credentials: 'include',
        mode: 'cors',
      },
      preflight: { status: 204, headers: [['Access-Control-Allow-Methods', 'PUT']] },
      responses: [
        { url: data, status: 307, headers: [['Location', `${data}/2`]] },
        { url: `${data}/2`, status: 200, headers: [['Access-Control-Allow-Origin', '*']] },
      ],
    });
  });

  it('a request that failed its preflight unsent: no responses, header names from the preflight', () => {
    const exchange = toEngineExchange(
      record('7:1', 1, {
        request: { method: 'PUT', url: data, headers: [], authorHeaders: [], credentials: 'unknown' },
        preflight: {
          requestId: 'p',
          request: {
            headers: [
              ['Access-Control-Request-Method', 'PUT'],
              ['Access-Control-Request-Headers', 'content-type,x-token'],
            ],
            time: 1,
          },
          response: { status: 405, headers: [], time: 2 },
        },
        outcome: 'failed',
      }),
    );
    expect(exchange.responses).toEqual([]);
    expect(exchange.request.headers).toEqual([
      ['content-type', UNKNOWN_HEADER_VALUE],
      ['x-token', UNKNOWN_HEADER_VALUE],
    ]);
    expect(exchange.request.mode).toBe('cors');
    expect(exchange.request.credentials).toBe('same-origin');
    expect(exchange.preflight).toEqual({ status: 405, headers: [] });
    // Sorted by the preflight, not in the order the browser checks them in.
    expect(exchange.request.headerOrderUnknown).toBe(true);
  });

  it('a redirected preflight carries its location', () => {
    const exchange = toEngineExchange(
      record('7:1', 1, {
        preflight: {
          requestId: 'p',
          request: { headers: [['Access-Control-Request-Method', 'PUT']], time: 1 },
          response: { status: 301, headers: [['Location', 'http://elsewhere/']], time: 2 },
        },
      }),
    );
    expect(exchange.preflight).toEqual({
      status: 301,
      headers: [['Location', 'http://elsewhere/']],
      location: 'http://elsewhere/',
    });
  });

  it('an image without Sec-Fetch-Mode or Origin is no-cors; a preflight error without answer is left out', () => {
    const exchange = toEngineExchange(
      record('7:1', 1, {
        type: 'image',
        preflight: { requestId: 'p', request: { headers: [], time: 1 }, error: 'net::ERR_FAILED' },
      }),
    );
    expect(exchange.request.mode).toBe('no-cors');
    expect(exchange.preflight).toBeUndefined();
  });

  it('passes on what the browser reported instead of a response: the request’s and the preflight’s errors', () => {
    const exchange = toEngineExchange(
      record('7:1', 1, {
        request: { method: 'PUT', url: data, headers: [], authorHeaders: [], credentials: 'unknown' },
        preflight: {
          requestId: 'p',
          request: { headers: [['Access-Control-Request-Method', 'PUT']], time: 1 },
          error: 'net::ERR_FAILED',
        },
        outcome: 'failed',
        error: 'net::ERR_FAILED',
      }),
    );
    expect(exchange.networkError).toBe('net::ERR_FAILED');
    expect(exchange.preflightNetworkError).toBe('net::ERR_FAILED');
    expect(exchange.preflight).toBeUndefined();
  });

  it('no network error when a response arrived, and the cached preflight’s headers when one was named', () => {
    const exchange = toEngineExchange(
      record('7:1', 1, {
        request: {
          method: 'PUT',
          url: data,
          headers: [],
          authorHeaders: [],
          credentials: 'omit-or-same-origin',
        },
        preflightCached: true,
        preflightCacheSource: { requestId: 'p', answeredAt: 1, headers: [['Access-Control-Max-Age', '600']] },
        response: { url: data, status: 500, headers: [], time: 4 },
        outcome: 'failed',
        error: 'net::ERR_FAILED',
      }),
    );
    expect(exchange.networkError).toBeUndefined();
    expect(exchange.cachedPreflight).toEqual({ headers: [['Access-Control-Max-Age', '600']] });
  });
});
