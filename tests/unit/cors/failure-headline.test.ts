// The headline shown before the CorsError name, per kind: the words a developer needs to stop looking at CORS
// headers when CORS is not the cause.
import { describe, expect, it } from 'vitest';
import { cachedPreflightNotice, preflightCacheSeconds } from '../../../src/core/cors/cached-preflight-notice';
import { evaluate } from '../../../src/core/cors/evaluate';
import { failureHeadline } from '../../../src/core/cors/failure-headline';
import { failureKind } from '../../../src/core/cors/failure-kind';
import { notSentCause } from '../../../src/core/cors/not-sent-cause';
import type { Exchange } from '../../../src/core/cors/types';

const PAGE = 'http://localhost:5173';
const API = 'http://127.0.0.1:8081/api';

function headlineOf(exchange: Exchange, statusLine?: string) {
  const verdict = evaluate(exchange);
  const kind = failureKind(verdict, { pageOrigin: exchange.origin, outcome: 'failed' });
  if (kind === undefined) throw new Error('expected a failure');
  const final = exchange.responses.at(-1);
  return failureHeadline({
    kind,
    verdict,
    pageOrigin: exchange.origin,
    url: exchange.request.url,
    ...(exchange.networkError === undefined ? {} : { networkError: exchange.networkError }),
    ...(final === undefined ? {} : { response: { ...final, ...(statusLine ? { statusLine } : {}) } }),
  });
}
const get = (more: Partial<Exchange>, origin = PAGE, url = API): Exchange => ({
  origin,
  request: { url, method: 'GET', headers: [], credentials: 'same-origin' },
  responses: [],
  ...more,
});

describe('failureHeadline', () => {
  it('server error: the status line, what the body is, and the fix for error responses', () => {
    const h = headlineOf(
      get({
        responses: [
          {
            url: API,
            status: 500,
            headers: [
              ['Content-Type', 'text/html'],
              ['Content-Length', '42'],
            ],
          },
        ],
      }),
      'HTTP/1.1 500 Internal Server Error',
    );
    expect(h.kind).toBe('server-error');
    expect(h.title).toBe(
      'The server failed (500 Internal Server Error) and its error response lacks CORS headers',
    );
    expect(h.details.join(' ')).toContain('MissingAllowOriginHeader');
    expect(h.details.join(' ')).toContain('its body (text/html, 42 bytes)');
    expect(h.details.join(' ')).toContain('Copy as cURL');
    expect(h.waysOut.join(' ')).toContain('error responses too');
  });

  it('server error 401 explains the auth middleware; without a status line the code stands alone', () => {
    const h = headlineOf(get({ responses: [{ url: API, status: 401, headers: [] }] }));
    expect(h.title).toBe('The server failed (401) and its error response lacks CORS headers');
    expect(h.details[0]).toContain('auth middleware');
  });

  it('refused preflight: the status, and that no header can change it', () => {
    const h = headlineOf({
      ...get({}),
      request: { url: API, method: 'DELETE', headers: [], credentials: 'same-origin' },
      preflight: { status: 405, headers: [['Access-Control-Allow-Origin', PAGE]] },
    });
    expect(h.title).toContain('The preflight was refused (status 405)');
    expect(h.details.join(' ')).toContain('no OPTIONS route');
    expect(h.details.join(' ')).toContain('No response header can change a status');
  });

  it('local network, loopback target from a secure page (Chromium)', () => {
    const h = headlineOf(
      get({ networkError: 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS' }, 'https://app.example.com'),
    );
    expect(h.kind).toBe('local-network');
    expect(h.title).toContain('this device (loopback)');
    const text = [...h.details, ...h.waysOut].join(' ');
    expect(text).toContain('`loopback-network`');
    expect(text).toContain('this page can, so the prompt was declined');
    expect(text).toContain('Access-Control-Allow-Private-Network no longer helps');
    expect(text).toContain("targetAddressSpace: 'loopback'");
    expect(text).toContain('dev server’s proxy');
    expect(text).toContain('Chromium reported net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS');
  });

  it('local network, private target from an insecure page, in Firefox’s words', () => {
    const h = headlineOf(
      get(
        { networkError: 'NS_ERROR_LOCAL_NETWORK_ACCESS_DENIED' },
        'http://app.example.com',
        'http://192.168.1.20/api',
      ),
    );
    const text = [...h.details, ...h.waysOut].join(' ');
    expect(text).toContain('`local-network`');
    expect(text).not.toContain('`loopback-network`');
    expect(text).toContain('is not one: Chromium refuses without asking (InsecureLocalNetwork)');
    expect(text).toContain('Firefox refused it with NS_ERROR_LOCAL_NETWORK_ACCESS_DENIED');
    expect(text).toContain('CORS request did not succeed');
    expect(text).toContain("targetAddressSpace: 'local'");
  });

  it('local network, a host name: both permissions are named', () => {
    const h = headlineOf(
      get(
        { networkError: 'NS_ERROR_LOCAL_NETWORK_ACCESS_DENIED' },
        'https://a.example',
        'http://nas.home.arpa/x',
      ),
    );
    expect(h.details[0]).toContain('`local-network` (`loopback-network` if nas.home.arpa resolves');
  });

  it('not sent: network, extension and client, each with the browser’s error', () => {
    expect(headlineOf(get({ networkError: 'net::ERR_EMPTY_RESPONSE' })).details[0]).toContain(
      'closed the connection without answering',
    );
    expect(headlineOf(get({ networkError: 'NS_ERROR_NET_RESET' })).details[0]).toContain(
      'Firefox still logs it as',
    );
    expect(headlineOf(get({ networkError: 'net::ERR_BLOCKED_BY_CLIENT' })).title).toContain('extension');
    expect(headlineOf(get({ networkError: 'net::ERR_ABORTED' })).title).toContain('cancelled');
    expect(notSentCause(undefined)).toBe('network');
  });

  it('scheme: names the scheme rule and why mixed content never shows here', () => {
    const h = headlineOf(
      get({
        responses: [
          {
            url: API,
            status: 302,
            headers: [
              ['Access-Control-Allow-Origin', PAGE],
              ['Location', 'data:text/plain,x'],
            ],
          },
        ],
      }),
    );
    expect(h.kind).toBe('scheme');
    expect(h.details.join(' ')).toContain('Mixed content');
  });
});

describe('cached preflights', () => {
  const at = (ms: number) => `t+${ms / 1000}s`;
  const source = (maxAge?: string) => ({
    answeredAt: 0,
    headers: maxAge === undefined ? [] : ([['Access-Control-Max-Age', maxAge]] as [string, string][]),
  });

  it.each([
    [undefined, 7200, 5],
    ['600', 7200, 600],
    ['86400', 7200, 7200],
    ['86400', 86400, 86400],
    ['-1', 7200, 0],
    ['ten', 7200, 5],
    [' 30 ', 7200, 30],
  ])('Access-Control-Max-Age %s with cap %i keeps it %i s', (maxAge, cap, seconds) => {
    expect(preflightCacheSeconds(maxAge, cap)).toBe(seconds);
  });

  it('names the Max-Age it came from, when it runs out, and warns that server changes are invisible', () => {
    const [first, second] = cachedPreflightNotice({ startedAt: 1_000, source: source('600') }, at);
    expect(first).toContain('`Access-Control-Max-Age: 600` keeps it until t+600s.');
    expect(first).toContain('filled by the preflight at t+0s');
    expect(second).toContain('stays invisible');
    expect(second).toContain('Disable cache');
  });

  it('a Max-Age beyond Chromium’s cap runs out at different times per browser; none means 5 s', () => {
    expect(cachedPreflightNotice({ startedAt: 1_000, source: source('86400') }, at)[0]).toContain(
      'until t+7200s in Chromium (capped at 2 h) and t+86400s in Firefox',
    );
    expect(cachedPreflightNotice({ startedAt: 1_000, source: source() }, at)[0]).toContain(
      'no Access-Control-Max-Age (kept 5 s) keeps it until t+5s',
    );
  });

  it('an unseen or implausible source: the Max-Age is unknown, the warning stays', () => {
    for (const input of [{ startedAt: 1_000 }, { startedAt: 10_000, source: source() }]) {
      const text = cachedPreflightNotice(input, at).join(' ');
      expect(text).toContain('is unknown');
      expect(text).toContain('stays invisible');
    }
  });
});
