import { describe, expect, it } from 'vitest';
import {
  corsPreflightCheck,
  type PreflightCheckInput,
  type PreflightFailure,
} from '../../../src/core/cors/cors-preflight-check';
import { ensureAllowedHeaders } from '../../../src/core/cors/ensure-allowed-headers';
import { ensureAllowedMethod } from '../../../src/core/cors/ensure-allowed-method';
import type { HeaderList } from '../../../src/core/cors/types';

const O = 'http://localhost:5173';
const ok: HeaderList = [['Access-Control-Allow-Origin', O]];
const input = (over: Partial<PreflightCheckInput>): PreflightCheckInput => ({
  status: 204,
  headers: ok,
  method: 'PUT',
  requestHeaders: [],
  credentials: 'same-origin',
  origin: O,
  ...over,
});

describe('corsPreflightCheck (Fetch §4.8 CORS-preflight fetch, Chromium preflight_controller.cc order)', () => {
  const rows: [string, Partial<PreflightCheckInput>, Partial<PreflightFailure> | undefined][] = [
    ['all good', { headers: [...ok, ['Access-Control-Allow-Methods', 'PUT']] }, undefined],
    // Chromium: CORS check first, status second — 405 without ACAO names the ACAO problem
    [
      '405 without ACAO',
      { status: 405, headers: [] },
      { error: 'PreflightMissingAllowOriginHeader', failedParameter: '' },
    ],
    [
      '405 with ACAO',
      { status: 405, headers: [...ok, ['Access-Control-Allow-Methods', 'PUT']] },
      { error: 'PreflightInvalidStatus', failedParameter: '' },
    ],
    [
      '500 with wrong ACAO',
      { status: 500, headers: [['Access-Control-Allow-Origin', 'http://x.test']] },
      { error: 'PreflightAllowOriginMismatch', failedParameter: 'http://x.test' },
    ],
    ['200 ok', { status: 200, headers: [...ok, ['Access-Control-Allow-Methods', 'PUT']] }, undefined],
    ['299 ok', { status: 299, headers: [...ok, ['Access-Control-Allow-Methods', 'PUT']] }, undefined],
    [
      '300 is not ok',
      { status: 300, headers: [...ok, ['Access-Control-Allow-Methods', 'PUT']] },
      { error: 'PreflightInvalidStatus' },
    ],
    // Fetch §4.8: a redirect answer is a network error; Chromium names it whatever the headers say
    [
      'redirect',
      { status: 302, headers: [['Location', 'http://x.test/']] },
      { error: 'PreflightDisallowedRedirect', failedParameter: '' },
    ],
    [
      'redirect via location field',
      { status: 307, headers: [], location: '/x' },
      { error: 'PreflightDisallowedRedirect' },
    ],
    [
      '3xx without Location is a status problem',
      { status: 302, headers: ok },
      { error: 'PreflightInvalidStatus' },
    ],
    // Fetch §4.10 on the preflight: Preflight* names
    [
      '* with credentials',
      {
        credentials: 'include',
        headers: [
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Allow-Credentials', 'true'],
        ],
      },
      { error: 'PreflightWildcardOriginNotAllowed' },
    ],
    [
      'two ACAO lines',
      { headers: [...ok, ...ok] },
      { error: 'PreflightMultipleAllowOriginValues', failedParameter: `${O}, ${O}` },
    ],
    [
      'invalid ACAO',
      { headers: [['Access-Control-Allow-Origin', 'foo']] },
      { error: 'PreflightInvalidAllowOriginValue', failedParameter: 'foo' },
    ],
    [
      'ACAC missing',
      { credentials: 'include' },
      { error: 'PreflightInvalidAllowCredentials', failedParameter: '' },
    ],
    // Fetch §4.8: ACAM / ACAH must parse
    [
      'bad ACAM',
      { headers: [...ok, ['Access-Control-Allow-Methods', 'PUT DELETE']] },
      { error: 'InvalidAllowMethodsPreflightResponse', failedParameter: '' },
    ],
    [
      'bad ACAH',
      { headers: [...ok, ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', 'a b']] },
      { error: 'InvalidAllowHeadersPreflightResponse', failedParameter: '' },
    ],
    [
      'bad ACAM wins over bad ACAH',
      { headers: [...ok, ['Access-Control-Allow-Methods', '(x)'], ['Access-Control-Allow-Headers', 'a b']] },
      { error: 'InvalidAllowMethodsPreflightResponse' },
    ],
    // Fetch §4.8: method then headers
    ['method missing', {}, { error: 'MethodDisallowedByPreflightResponse', failedParameter: 'PUT' }],
    [
      'method before header',
      { requestHeaders: [['x-a', '1']] },
      { error: 'MethodDisallowedByPreflightResponse' },
    ],
    [
      'header missing',
      { headers: [...ok, ['Access-Control-Allow-Methods', 'PUT']], requestHeaders: [['x-a', '1']] },
      { error: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-a' },
    ],
  ];
  it.each(rows)('%s', (_name, over, expected) => {
    const result = corsPreflightCheck(input(over));
    if (expected === undefined) expect(result).toBeUndefined();
    else expect(result).toMatchObject(expected);
  });
});

describe('ensureAllowedMethod (Fetch §4.8; Chromium EnsureAllowedCrossOriginMethod, spec-conformant)', () => {
  const rows: [string, string[], boolean, string | undefined][] = [
    ['PUT', ['PUT'], false, undefined],
    ['PUT', ['put'], false, 'PUT'], // byte-for-byte comparison
    ['patch', ['PATCH'], false, 'patch'], // `patch` is not normalised, so `PATCH` does not match
    ['PATCH', ['PATCH'], false, undefined],
    ['GET', [], false, undefined], // safelisted methods always pass
    ['POST', [], true, undefined],
    ['DELETE', ['*'], false, undefined], // `*` without credentials
    ['DELETE', ['*'], true, 'DELETE'], // `*` is literal with credentials
    ['DELETE', ['*', 'DELETE'], true, undefined],
  ];
  it.each(rows)('%s vs %j (credentials %s)', (method, allowed, include, failed) => {
    const result = ensureAllowedMethod(method, allowed, include);
    expect(result?.failedParameter).toBe(failed);
    if (failed !== undefined) expect(result?.error).toBe('MethodDisallowedByPreflightResponse');
  });
});

describe('ensureAllowedHeaders (Fetch §4.8; Chromium EnsureAllowedCrossOriginHeaders)', () => {
  const rows: [string, HeaderList, string[], boolean, string | undefined][] = [
    ['listed', [['x-a', '1']], ['x-a'], false, undefined],
    ['case-insensitive', [['X-A', '1']], ['x-a'], false, undefined],
    [
      // Chromium walks the request's header vector (wire order), not the sorted ACRH list
      'first missing in request order',
      [
        ['x-b', '1'],
        ['x-a', '1'],
      ],
      [],
      false,
      'x-b',
    ],
    [
      'a safelisted header before a missing one is skipped',
      [
        ['accept', 'x'],
        ['x-z', '1'],
        ['x-a', '1'],
      ],
      ['x-a'],
      false,
      'x-z',
    ],
    ['safelisted need no listing', [['accept', 'x']], [], false, undefined],
    ['* covers custom headers', [['x-a', '1']], ['*'], false, undefined],
    // Fetch §2.2.2 CORS non-wildcard request-header name: Authorization
    [
      '* never covers authorization',
      [
        ['authorization', 'Bearer x'],
        ['x-a', '1'],
      ],
      ['*'],
      false,
      'authorization',
    ],
    [
      '* plus authorization by name',
      [['authorization', 'Bearer x']],
      ['*', 'authorization'],
      false,
      undefined,
    ],
    // `*` is literal with credentials
    ['* with credentials', [['x-a', '1']], ['*'], true, 'x-a'],
    ['forbidden request headers are skipped', [['cookie', 'a']], [], false, undefined],
  ];
  it.each(rows)('%s', (_name, headers, allowed, include, failed) => {
    expect(ensureAllowedHeaders(headers, allowed, include)?.failedParameter).toBe(failed);
  });
});
