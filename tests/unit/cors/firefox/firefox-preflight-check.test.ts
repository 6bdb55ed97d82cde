import { describe, expect, it } from 'vitest';
import {
  type FirefoxPreflightInput,
  firefoxPreflightCheck,
} from '../../../../src/core/cors/firefox/firefox-preflight-check';
import type { HeaderList } from '../../../../src/core/cors/types';

const O = 'http://localhost:5173';
const ACAO = 'Access-Control-Allow-Origin';
const ACAM = 'Access-Control-Allow-Methods';
const ACAH = 'Access-Control-Allow-Headers';
const preflight = (status: number, headers: HeaderList, over: Partial<FirefoxPreflightInput> = {}) =>
  firefoxPreflightCheck({
    status,
    headers,
    method: 'PUT',
    unsafeHeaderNames: [],
    credentials: 'same-origin',
    origin: O,
    ...over,
  });

// nsCORSListenerProxy.cpp: the preflight channel's own CheckRequestApproved, then nsCORSPreflightListener's redirect
// refusal and CheckPreflightRequestApproved. Rows marked "Chromium:" are where Chromium names another failure.
describe('firefoxPreflightCheck (Firefox’s order)', () => {
  const rows: [string, number, HeaderList, Partial<FirefoxPreflightInput>, object | undefined][] = [
    [
      'a passing preflight',
      204,
      [
        [ACAO, O],
        [ACAM, 'PUT'],
      ],
      {},
      undefined,
    ],
    [
      'a redirect without ACAO: the missing ACAO is named first (Chromium: PreflightDisallowedRedirect)',
      301,
      [['Location', '/elsewhere']],
      {},
      { reason: 'CORSMissingAllowOrigin', chromium: { error: 'PreflightMissingAllowOriginHeader' } },
    ],
    [
      'a redirect with a good ACAO',
      302,
      [
        [ACAO, O],
        ['Location', '/elsewhere'],
      ],
      {},
      { reason: 'CORSExternalRedirectNotAllowed', chromium: { error: 'PreflightDisallowedRedirect' } },
    ],
    ['a 405 without ACAO: ACAO first, as in Chromium', 405, [], {}, { reason: 'CORSMissingAllowOrigin' }],
    [
      'a 405 with a good ACAO',
      405,
      [[ACAO, O]],
      {},
      { reason: 'CORSPreflightDidNotSucceed', chromium: { error: 'PreflightInvalidStatus' } },
    ],
    [
      'the method is missing and ACAH is invalid: the method is named (Chromium: InvalidAllowHeadersPreflightResponse)',
      204,
      [
        [ACAO, O],
        [ACAM, 'DELETE'],
        [ACAH, 'a b'],
      ],
      {},
      {
        reason: 'CORSMethodNotFound',
        chromium: { error: 'MethodDisallowedByPreflightResponse', failedParameter: 'PUT' },
      },
    ],
    [
      'empty entries are skipped',
      204,
      [
        [ACAO, O],
        [ACAM, 'GET,,PUT'],
      ],
      {},
      undefined,
    ],
    [
      'an entry that is not a token is quoted',
      204,
      [
        [ACAO, O],
        [ACAM, 'PUT PATCH'],
      ],
      {},
      {
        reason: 'CORSInvalidAllowMethod',
        detail: 'PUT PATCH',
        chromium: { error: 'InvalidAllowMethodsPreflightResponse' },
      },
    ],
    [
      'the first bad entry is quoted even when the method is listed before it',
      204,
      [
        [ACAO, O],
        [ACAM, 'PUT, P(UT'],
      ],
      {},
      { reason: 'CORSInvalidAllowMethod', detail: 'P(UT' },
    ],
    [
      'methods compare byte for byte',
      204,
      [
        [ACAO, O],
        [ACAM, 'put'],
      ],
      {},
      { reason: 'CORSMethodNotFound' },
    ],
    [
      '`*` is a method name with credentials',
      204,
      [
        [ACAO, O],
        ['Access-Control-Allow-Credentials', 'true'],
        [ACAM, '*'],
      ],
      { credentials: 'include' },
      { reason: 'CORSMethodNotFound' },
    ],
    [
      'the first missing header in sorted order (Chromium: the request’s own order)',
      204,
      [
        [ACAO, O],
        [ACAM, 'PUT'],
      ],
      { unsafeHeaderNames: ['x-alpha', 'x-zeta'] },
      {
        reason: 'CORSMissingAllowHeaderFromPreflight',
        detail: 'x-alpha',
        chromium: { error: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-alpha' },
      },
    ],
    [
      'a bad ACAH entry is quoted',
      204,
      [
        [ACAO, O],
        [ACAM, 'PUT'],
        [ACAH, 'x-alpha, x/zeta'],
      ],
      { unsafeHeaderNames: ['x-alpha'] },
      { reason: 'CORSInvalidAllowHeader', detail: 'x/zeta' },
    ],
    [
      'ACAH names compare case-insensitively',
      204,
      [
        [ACAO, O],
        [ACAM, 'PUT'],
        [ACAH, 'X-Alpha'],
      ],
      { unsafeHeaderNames: ['x-alpha'] },
      undefined,
    ],
    [
      '`*` covers Authorization while network.cors_preflight.authorization_covered_by_wildcard is on',
      204,
      [
        [ACAO, O],
        [ACAM, 'PUT'],
        [ACAH, '*'],
      ],
      { unsafeHeaderNames: ['authorization', 'x-alpha'] },
      undefined,
    ],
    [
      '`*` is a header name with credentials',
      204,
      [
        [ACAO, O],
        ['Access-Control-Allow-Credentials', 'true'],
        [ACAM, 'PUT'],
        [ACAH, '*'],
      ],
      { credentials: 'include', unsafeHeaderNames: ['x-alpha'] },
      { reason: 'CORSMissingAllowHeaderFromPreflight', detail: 'x-alpha' },
    ],
  ];
  it.each(rows)('%s', (_, status, headers, over, expected) => {
    const failure = preflight(status, headers, over);
    if (expected === undefined) expect(failure).toBeUndefined();
    else expect(failure).toMatchObject(expected);
  });
});
