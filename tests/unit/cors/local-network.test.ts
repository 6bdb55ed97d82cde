// Local Network Access as the extension observes it (webRequest errors measured in Chromium 156 with
// --ip-address-space-overrides and Firefox ESR 153 with network.lna.address_space.public.override), and the pure
// helpers that name the page's and the target's address spaces.
import { describe, expect, it } from 'vitest';
import { addressSpaceOfHost } from '../../../src/core/cors/address-space-of-host';
import { evaluate } from '../../../src/core/cors/evaluate';
import { refusedByLocalNetworkAccess } from '../../../src/core/cors/is-local-network-error';
import { isPotentiallyTrustworthyOrigin } from '../../../src/core/cors/is-potentially-trustworthy-origin';
import type { Exchange } from '../../../src/core/cors/types';

const API = 'http://127.0.0.1:8081/api';
const BLOCKED = 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS';
const FIREFOX = 'NS_ERROR_LOCAL_NETWORK_ACCESS_DENIED';

function exchange(origin: string, method: string, errors: Partial<Exchange>): Exchange {
  return {
    origin,
    request: { url: API, method, headers: [], credentials: 'same-origin' },
    responses: [],
    ...errors,
  };
}

describe('evaluate: Local Network Access refusals get the browser’s verdict, not "no response"', () => {
  it.each([
    [
      'a secure page (localhost), simple GET, Chromium',
      'http://localhost:5173',
      'GET',
      { networkError: BLOCKED },
      'LocalNetworkAccessPermissionDenied',
      'actual',
    ],
    [
      'an https page, simple GET, Chromium',
      'https://app.example.com',
      'GET',
      { networkError: BLOCKED },
      'LocalNetworkAccessPermissionDenied',
      'actual',
    ],
    [
      'an insecure page, simple GET, Chromium',
      'http://app.example.com',
      'GET',
      { networkError: BLOCKED },
      'InsecureLocalNetwork',
      'actual',
    ],
    // Chromium reports the refused preflight and its request as plain net::ERR_FAILED, with no response
    [
      'a secure page, preflighted PUT, Chromium',
      'https://app.example.com',
      'PUT',
      { networkError: 'net::ERR_FAILED', preflightNetworkError: 'net::ERR_FAILED' },
      'LocalNetworkAccessPermissionDenied',
      'preflight',
    ],
    [
      'an insecure page, preflighted PUT, Chromium',
      'http://lab.test:3000',
      'PUT',
      { networkError: 'net::ERR_FAILED', preflightNetworkError: 'net::ERR_FAILED' },
      'InsecureLocalNetwork',
      'preflight',
    ],
    [
      'a simple GET, Firefox',
      'https://app.example.com',
      'GET',
      { networkError: FIREFOX },
      'LocalNetworkAccessPermissionDenied',
      'actual',
    ],
    [
      'a preflighted PUT, Firefox',
      'https://app.example.com',
      'PUT',
      { networkError: FIREFOX, preflightNetworkError: FIREFOX },
      'LocalNetworkAccessPermissionDenied',
      'preflight',
    ],
  ] as const)('%s', (_name, origin, method, errors, corsError, stage) => {
    const verdict = evaluate(exchange(origin, method, errors));
    expect(verdict).toMatchObject({ allowed: false, corsError, failedParameter: '', stage: { kind: stage } });
    expect(verdict.firefoxReason).toBe('CORSDidNotSucceed');
    expect(verdict.explanation).toContain('Local Network Access refused');
    expect(verdict.fix).toBeUndefined();
  });

  it.each([
    [
      'a network error on the preflight reaches the request as itself',
      'PUT',
      { networkError: 'net::ERR_NAME_NOT_RESOLVED', preflightNetworkError: 'net::ERR_FAILED' },
    ],
    [
      'a simple GET failing with a bare net::ERR_FAILED and no response',
      'GET',
      { networkError: 'net::ERR_FAILED' },
    ],
    ['a dropped connection', 'GET', { networkError: 'net::ERR_EMPTY_RESPONSE' }],
    ['a preflight that got no response, reason unknown', 'PUT', {}],
  ] as const)('not Local Network Access: %s', (_name, method, errors) => {
    const verdict = evaluate(exchange('https://app.example.com', method, errors));
    expect(verdict.allowed).toBe(false);
    expect(verdict.corsError).toBeUndefined();
  });

  it('a response that arrived is judged on its headers, whatever error came later', () => {
    const verdict = evaluate({
      ...exchange('https://app.example.com', 'GET', { networkError: BLOCKED }),
      responses: [{ url: API, status: 200, headers: [['Access-Control-Allow-Origin', '*']] }],
    });
    expect(verdict.allowed).toBe(true);
  });

  it('refusedByLocalNetworkAccess needs both ERR_FAILED, or a named error on either', () => {
    expect(refusedByLocalNetworkAccess('net::ERR_FAILED', 'net::ERR_FAILED')).toBe(true);
    expect(refusedByLocalNetworkAccess('net::ERR_FAILED', undefined)).toBe(false);
    expect(refusedByLocalNetworkAccess(undefined, FIREFOX)).toBe(true);
    expect(refusedByLocalNetworkAccess('net::ERR_CONNECTION_REFUSED', 'net::ERR_FAILED')).toBe(false);
  });
});

describe('isPotentiallyTrustworthyOrigin (Secure Contexts §3.1)', () => {
  it.each([
    ['https://app.example.com', true],
    ['http://localhost:5173', true],
    ['http://app.localhost:3000', true],
    ['http://127.0.0.1:8080', true],
    ['http://127.1.2.3', true],
    ['http://[::1]:8080', true],
    ['http://app.example.com', false],
    ['http://192.168.1.10:3000', false],
    ['http://localhost.example.com', false],
    ['null', false],
  ])('%s → %s', (origin, expected) => {
    expect(isPotentiallyTrustworthyOrigin(origin)).toBe(expected);
  });
});

describe('addressSpaceOfHost: what the host name alone tells', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.9.9.9', 'loopback'],
    ['localhost', 'loopback'],
    ['api.localhost', 'loopback'],
    ['[::1]', 'loopback'],
    ['10.0.0.5', 'local'],
    ['172.16.0.1', 'local'],
    ['172.31.255.255', 'local'],
    ['172.32.0.1', 'public'],
    ['192.168.1.10', 'local'],
    ['169.254.0.1', 'local'],
    ['100.64.0.1', 'local'],
    ['printer.local', 'local'],
    ['[fd00::1]', 'local'],
    ['[fe80::1]', 'local'],
    ['[::ffff:c0a8:101]', 'local'],
    ['8.8.8.8', 'public'],
    ['[2001:db8::1]', 'public'],
    ['api.example.com', 'unknown'],
  ])('%s → %s', (host, expected) => {
    expect(addressSpaceOfHost(host)).toBe(expected);
  });
});
