import { describe, expect, it } from 'vitest';
import { type CorsCheckInput, corsCheck } from '../../../src/core/cors/cors-check';
import type { AccessCheckError, CorsFailure } from '../../../src/core/cors/types';

const O = 'http://localhost:5173';
const base = (over: Partial<CorsCheckInput>): CorsCheckInput => ({
  allowOrigin: undefined,
  allowCredentials: undefined,
  credentials: 'same-origin',
  origin: O,
  ...over,
});
const fail = (error: AccessCheckError, failedParameter = ''): CorsFailure<AccessCheckError> => ({
  error,
  failedParameter,
});

describe('corsCheck (Fetch §4.10 CORS check, Chromium cors.cc CheckAccess order)', () => {
  const rows: [string, Partial<CorsCheckInput>, CorsFailure<AccessCheckError> | undefined][] = [
    // Fetch §4.10 step 2: ACAO `*` without credentials
    ['* without credentials', { allowOrigin: '*' }, undefined],
    // Fetch §4.10 step 3 / §3.2.5 CORS protocol and credentials: `*` never with include, even with ACAC true
    [
      '* with credentials',
      { allowOrigin: '*', credentials: 'include', allowCredentials: 'true' },
      fail('WildcardOriginNotAllowed'),
    ],
    [
      '* with credentials, non-http response (Chromium skips the rule)',
      { allowOrigin: '*', credentials: 'include', allowCredentials: 'true', responseIsHttp: false },
      undefined,
    ],
    // Fetch §4.10 step 2: missing ACAO
    ['missing', {}, fail('MissingAllowOriginHeader')],
    ['missing beats credentials', { credentials: 'include' }, fail('MissingAllowOriginHeader')],
    // Fetch §4.10 step 3: exact match
    ['exact match', { allowOrigin: O }, undefined],
    ['trailing slash is a mismatch', { allowOrigin: `${O}/` }, fail('AllowOriginMismatch', `${O}/`)],
    [
      'other origin',
      { allowOrigin: 'http://127.0.0.1:5173' },
      fail('AllowOriginMismatch', 'http://127.0.0.1:5173'),
    ],
    [
      'case differs',
      { allowOrigin: 'http://LOCALHOST:5173' },
      fail('AllowOriginMismatch', 'http://LOCALHOST:5173'),
    ],
    // Chromium: ' ' or ',' → MultipleAllowOriginValues (checked before validity)
    ['comma list', { allowOrigin: `${O}, http://b` }, fail('MultipleAllowOriginValues', `${O}, http://b`)],
    ['space list', { allowOrigin: `${O} http://b` }, fail('MultipleAllowOriginValues', `${O} http://b`)],
    // Chromium: `null` is a mismatch unless the origin is opaque/tainted
    ['null vs real origin', { allowOrigin: 'null' }, fail('AllowOriginMismatch', 'null')],
    ['null vs tainted origin', { allowOrigin: 'null', origin: 'null' }, undefined],
    // Chromium: GURL invalid → InvalidAllowOriginValue
    ['no scheme', { allowOrigin: 'localhost:5173x' }, fail('AllowOriginMismatch', 'localhost:5173x')],
    ['host only', { allowOrigin: 'example.com' }, fail('InvalidAllowOriginValue', 'example.com')],
    ['empty value', { allowOrigin: '' }, fail('InvalidAllowOriginValue', '')],
    ['http:// without host', { allowOrigin: 'http://' }, fail('InvalidAllowOriginValue', 'http://')],
    // Fetch §4.10 steps 5–7: credentials include needs ACAC exactly `true`
    [
      'credentials, ACAC true',
      { allowOrigin: O, credentials: 'include', allowCredentials: 'true' },
      undefined,
    ],
    [
      'credentials, ACAC missing',
      { allowOrigin: O, credentials: 'include' },
      fail('InvalidAllowCredentials', ''),
    ],
    [
      'credentials, ACAC True',
      { allowOrigin: O, credentials: 'include', allowCredentials: 'True' },
      fail('InvalidAllowCredentials', 'True'),
    ],
    [
      'credentials, ACAC "true, true"',
      { allowOrigin: O, credentials: 'include', allowCredentials: 'true, true' },
      fail('InvalidAllowCredentials', 'true, true'),
    ],
    ['omit ignores ACAC', { allowOrigin: O, credentials: 'omit', allowCredentials: 'false' }, undefined],
  ];
  it.each(rows)('%s', (_name, over, expected) => {
    expect(corsCheck(base(over))).toEqual(expected);
  });
});
