// Every blocked exchange gets a kind before its CorsError name. The rows run real exchanges through evaluate(),
// so the classification is checked against the verdicts the panel actually receives.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/cors/evaluate';
import { type FailureKind, failureKind } from '../../../src/core/cors/failure-kind';
import {
  FAILURE_KIND_IDS,
  failureKindShort,
  isFailureKindId,
} from '../../../src/core/cors/failure-kind-labels';
import type { Exchange, HeaderList } from '../../../src/core/cors/types';

const PAGE = 'http://localhost:5173';
const API = 'http://127.0.0.1:8081/api';
const API2 = 'http://127.0.0.1:8082/api';
const allow: HeaderList = [['Access-Control-Allow-Origin', PAGE]];

function get(responses: Exchange['responses'], more: Partial<Exchange> = {}): Exchange {
  return {
    origin: PAGE,
    request: { url: API, method: 'GET', headers: [], credentials: 'same-origin' },
    responses,
    ...more,
  };
}
function put(
  preflight: Exchange['preflight'],
  responses: Exchange['responses'] = [],
  more: Partial<Exchange> = {},
) {
  return {
    origin: PAGE,
    request: { url: API, method: 'PUT', headers: [], credentials: 'same-origin' as const },
    ...(preflight === undefined ? {} : { preflight }),
    responses,
    ...more,
  };
}
const res = (status: number, headers: HeaderList = [], url = API) => ({ url, status, headers });
const loc = (to: string, extra: HeaderList = []): HeaderList => [...extra, ['Location', to]];

const rows: [string, Exchange, 'completed' | 'failed', FailureKind | undefined][] = [
  ['allowed: no kind', get([res(200, allow)]), 'completed', undefined],
  [
    'allowed by its headers but failed by the browser: not sent',
    get([res(200, allow)]),
    'failed',
    { id: 'not-sent' },
  ],
  ['200 without ACAO: CORS configuration', get([res(200)]), 'failed', { id: 'cors-config' }],
  [
    'ACAO for another origin: CORS configuration',
    get([res(200, [['Access-Control-Allow-Origin', 'https://x.test']])]),
    'failed',
    { id: 'cors-config' },
  ],
  ['500 without ACAO: the server failed', get([res(500)]), 'failed', { id: 'server-error', status: 500 }],
  [
    '401 without ACAO: the server failed (auth)',
    get([res(401)]),
    'failed',
    { id: 'server-error', status: 401 },
  ],
  ['404 without ACAO: the server failed', get([res(404)]), 'failed', { id: 'server-error', status: 404 }],
  [
    '500 whose ACAO names another origin: CORS configuration (not only the missing header)',
    get([res(500, [['Access-Control-Allow-Origin', 'https://x.test']])]),
    'failed',
    { id: 'cors-config' },
  ],
  [
    'preflight 405 with ACAO: refused',
    put({ status: 405, headers: allow }),
    'failed',
    { id: 'preflight-refused', status: 405 },
  ],
  [
    'preflight 401 without ACAO: refused (Chromium names the missing ACAO first)',
    put({ status: 401, headers: [] }),
    'failed',
    { id: 'preflight-refused', status: 401 },
  ],
  [
    'preflight 204 without ACAO: CORS configuration',
    put({ status: 204, headers: [] }),
    'failed',
    { id: 'cors-config' },
  ],
  [
    'preflight 204, method not allowed: CORS configuration',
    put({ status: 204, headers: [...allow, ['Access-Control-Allow-Methods', 'GET']] }),
    'failed',
    { id: 'cors-config' },
  ],
  [
    'preflight redirected: redirect',
    put({ status: 302, headers: loc(API2, allow) }),
    'failed',
    { id: 'redirect' },
  ],
  [
    'redirect hop without ACAO: redirect',
    get([res(302, loc(API2)), res(200, allow, API2)]),
    'failed',
    { id: 'redirect' },
  ],
  [
    'cross-origin redirect, target answers the page origin (tainted to null): redirect',
    get([res(302, loc('http://other.test/api', allow)), res(200, allow, 'http://other.test/api')]),
    'failed',
    { id: 'redirect' },
  ],
  [
    'cross-origin redirect, target sends no ACAO: CORS configuration at the target',
    get([res(302, loc('http://other.test/api', allow)), res(200, [], 'http://other.test/api')]),
    'failed',
    { id: 'cors-config' },
  ],
  [
    'redirect to user:pass@: redirect',
    get([res(302, loc('http://u:p@other.test/api', allow))]),
    'failed',
    { id: 'redirect' },
  ],
  [
    'redirect to data:: scheme',
    get([res(302, loc('data:text/plain,hi', allow))]),
    'failed',
    { id: 'scheme' },
  ],
  [
    'Local Network Access (Chromium, simple)',
    get([], { networkError: 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS' }),
    'failed',
    { id: 'local-network' },
  ],
  [
    'Local Network Access (Chromium, preflighted)',
    put(undefined, [], { networkError: 'net::ERR_FAILED', preflightNetworkError: 'net::ERR_FAILED' }),
    'failed',
    { id: 'local-network' },
  ],
  [
    'Local Network Access (Firefox)',
    get([], { networkError: 'NS_ERROR_LOCAL_NETWORK_ACCESS_DENIED' }),
    'failed',
    { id: 'local-network' },
  ],
  [
    'connection dropped: not sent',
    get([], { networkError: 'net::ERR_EMPTY_RESPONSE' }),
    'failed',
    { id: 'not-sent' },
  ],
  [
    'blocked by an extension: not sent',
    get([], { networkError: 'net::ERR_BLOCKED_BY_CLIENT' }),
    'failed',
    { id: 'not-sent' },
  ],
];

describe('failureKind', () => {
  it.each(rows)('%s', (_name, exchange, outcome, expected) => {
    expect(failureKind(evaluate(exchange), { pageOrigin: exchange.origin, outcome })).toEqual(expected);
  });

  it('mode same-origin is not sent (the page refused it)', () => {
    const verdict = evaluate(
      get([], {
        request: { url: API, method: 'GET', headers: [], credentials: 'omit', mode: 'same-origin' },
      }),
    );
    expect(failureKind(verdict, { pageOrigin: PAGE, outcome: 'failed' })).toEqual({ id: 'not-sent' });
  });

  it('a redirect to data: is a scheme block, in Firefox’s words “CORS request did not succeed” (measured)', () => {
    const verdict = evaluate(get([res(302, loc('data:text/plain,hi', allow))]));
    expect(verdict).toMatchObject({ corsError: 'CorsDisabledScheme', firefoxReason: 'CORSDidNotSucceed' });
  });

  it('a pending exchange has no kind yet', () => {
    expect(failureKind(evaluate(get([])), { pageOrigin: PAGE, outcome: 'pending' })).toBeUndefined();
  });

  it('an opaque page origin ("null") is not mistaken for a tainted one', () => {
    const exchange = {
      ...get([res(200, [['Access-Control-Allow-Origin', 'https://x.test']])]),
      origin: 'null',
    };
    expect(failureKind(evaluate(exchange), { pageOrigin: 'null', outcome: 'failed' })).toEqual({
      id: 'cors-config',
    });
  });

  it('labels: every kind has a filter label and a short form carrying the status', () => {
    expect(FAILURE_KIND_IDS).toEqual([
      'cors-config',
      'server-error',
      'preflight-refused',
      'local-network',
      'redirect',
      'scheme',
      'not-sent',
    ]);
    expect(failureKindShort({ id: 'server-error', status: 500 })).toBe('server error 500');
    expect(failureKindShort({ id: 'preflight-refused', status: 405 })).toBe('preflight refused 405');
    expect(isFailureKindId('local-network')).toBe(true);
    expect(isFailureKindId('toString')).toBe(false);
  });
});
