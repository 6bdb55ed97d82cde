// The log's view of a rescued exchange: CORS Lens answered the preflight only if the server refused it and the
// actual request went out all the same; the page then saw CORS Lens's answer, the record keeps the server's.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/cors';
import { toEngineExchange } from '../../../src/core/exchange/to-engine-exchange';
import type { ExchangeRecord } from '../../../src/core/exchange/types';
import { wasRescued, withRescue } from '../../../src/core/exchange/with-rescue';
import { rule } from '../rules/fixtures';

const PAGE = 'http://localhost:5173';
const URL_ = 'http://127.0.0.1:8081/api';
const rescuing = rule({ answerPreflights: true });

function record(preflightStatus: number, sent: boolean): ExchangeRecord {
  return {
    id: '1:1',
    seq: 1,
    tabId: 1,
    pageOrigin: PAGE,
    type: 'xmlhttprequest',
    request: {
      method: 'PUT',
      url: URL_,
      headers: sent ? [['Content-Type', 'application/json']] : [],
      authorHeaders: sent ? [['Content-Type', 'application/json']] : [],
      credentials: sent ? 'omit-or-same-origin' : 'unknown',
    },
    preflight: {
      requestId: '2',
      request: {
        headers: [
          ['Origin', PAGE],
          ['Access-Control-Request-Method', 'PUT'],
          ['Access-Control-Request-Headers', 'content-type'],
        ],
        time: 1,
      },
      response: { status: preflightStatus, headers: [['WWW-Authenticate', 'Bearer']], time: 2 },
    },
    hops: [],
    ...(sent ? { response: { url: URL_, status: 200, headers: [], time: 3 } } : {}),
    outcome: sent ? 'completed' : 'failed',
    startedAt: 0,
  };
}

describe('wasRescued', () => {
  it('a refused preflight followed by the actual request was answered by CORS Lens', () => {
    for (const status of [401, 403, 404, 405, 500, 302])
      expect(wasRescued(record(status, true), rescuing)).toBe(true);
  });

  it('not when the actual request never went out (the rescue did not run: no permission, no tab attached)', () => {
    expect(wasRescued(record(401, false), rescuing)).toBe(false);
  });

  it('not when the server’s own status was ok (the DNR rule did the rest), nor for a plain override', () => {
    expect(wasRescued(record(204, true), rescuing)).toBe(false);
    expect(wasRescued(record(401, true), rule())).toBe(false);
  });
});

describe('withRescue', () => {
  it('the page saw 204 with the rule’s headers, and passes; the server’s own answer still fails', () => {
    const seen = record(401, true);
    const asPage = withRescue(seen, rescuing);
    expect(asPage.preflight?.response?.status).toBe(204);
    expect(evaluate(toEngineExchange(asPage)).allowed).toBe(true);
    expect(evaluate(toEngineExchange(seen))).toMatchObject({
      allowed: false,
      corsError: 'PreflightMissingAllowOriginHeader',
    });
    expect(seen.preflight?.response?.status).toBe(401);
  });
});
