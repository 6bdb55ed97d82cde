import { describe, expect, it } from 'vitest';
import {
  type FirefoxAccessCheckInput,
  firefoxAccessCheck,
} from '../../../../src/core/cors/firefox/firefox-access-check';
import type { HeaderList } from '../../../../src/core/cors/types';

const O = 'http://localhost:5173';
const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';
const check = (headers: HeaderList, over: Partial<FirefoxAccessCheckInput> = {}) =>
  firefoxAccessCheck({ headers, credentials: 'same-origin', origin: O, ...over });

// nsCORSListenerProxy.cpp CheckRequestApproved, in its order; each row is what Firefox 153 logs for the response.
describe('firefoxAccessCheck (Firefox CheckRequestApproved)', () => {
  const rows: [string, HeaderList, Partial<FirefoxAccessCheckInput>, object | undefined][] = [
    ['the exact origin', [[ACAO, O]], {}, undefined],
    ['`*` without credentials', [[ACAO, '*']], {}, undefined],
    ['`null` matches a tainted origin', [[ACAO, 'null']], { origin: 'null' }, undefined],
    [
      'no ACAO',
      [],
      {},
      {
        reason: 'CORSMissingAllowOrigin',
        chromium: { error: 'MissingAllowOriginHeader', failedParameter: '' },
      },
    ],
    [
      '`*` with credentials, even with ACAC true',
      [
        [ACAO, '*'],
        [ACAC, 'true'],
      ],
      { credentials: 'include' },
      { reason: 'CORSNotSupportingCredentials', chromium: { error: 'WildcardOriginNotAllowed' } },
    ],
    [
      'a trailing slash does not match, quoted',
      [[ACAO, `${O}/`]],
      {},
      {
        reason: 'CORSAllowOriginNotMatchingOrigin',
        detail: `${O}/`,
        chromium: { error: 'AllowOriginMismatch' },
      },
    ],
    [
      'a blank line is kept and quoted empty (Chromium: InvalidAllowOriginValue)',
      [[ACAO, ' ']],
      {},
      {
        reason: 'CORSAllowOriginNotMatchingOrigin',
        detail: '',
        chromium: { error: 'InvalidAllowOriginValue' },
      },
    ],
    [
      'two lines spelled exactly so: Multiple, before anything else',
      [
        [ACAO, O],
        [ACAO, O],
      ],
      {},
      {
        reason: 'CORSMultipleAllowOriginNotAllowed',
        chromium: { error: 'MultipleAllowOriginValues', failedParameter: `${O}, ${O}` },
      },
    ],
    [
      'two lines spelled in lower case are joined, then do not match',
      [
        [ACAO.toLowerCase(), O],
        [ACAO.toLowerCase(), O],
      ],
      {},
      {
        reason: 'CORSAllowOriginNotMatchingOrigin',
        detail: `${O}, ${O}`,
        chromium: { error: 'MultipleAllowOriginValues' },
      },
    ],
    [
      'a joined line under a lower-case name held at most one exactly spelled line: certain',
      [[ACAO.toLowerCase(), `${O}, ${O}`]],
      {},
      { reason: 'CORSAllowOriginNotMatchingOrigin', detail: `${O}, ${O}` },
    ],
    [
      'with credentials, ACAC must be exactly `true`',
      [
        [ACAO, O],
        [ACAC, 'TRUE'],
      ],
      { credentials: 'include' },
      {
        reason: 'CORSMissingAllowCredentials',
        chromium: { error: 'InvalidAllowCredentials', failedParameter: 'TRUE' },
      },
    ],
    [
      'on a preflight, Chromium’s name is the Preflight* one',
      [],
      { preflight: true },
      { reason: 'CORSMissingAllowOrigin', chromium: { error: 'PreflightMissingAllowOriginHeader' } },
    ],
  ];
  it.each(rows)('%s', (_, headers, over, expected) => {
    const failure = check(headers, over);
    if (expected === undefined) expect(failure).toBeUndefined();
    else expect(failure).toMatchObject(expected);
    // What the lines show decides: no second reason.
    expect(failure?.alternative).toBeUndefined();
  });

  // Firefox's webRequest shows repeated lines joined under the first line's spelling (measured on 153).
  it('a joined line that may have been two lines gives both reasons, the likelier first', () => {
    expect(check([[ACAO, `${O}, ${O}`]])).toMatchObject({
      reason: 'CORSMultipleAllowOriginNotAllowed',
      alternative: { reason: 'CORSAllowOriginNotMatchingOrigin', detail: `${O}, ${O}` },
    });
    expect(check([[ACAO, `${O}, http://other.test`]])).toMatchObject({
      reason: 'CORSAllowOriginNotMatchingOrigin',
      detail: `${O}, http://other.test`,
      alternative: { reason: 'CORSMultipleAllowOriginNotAllowed' },
    });
    // A comma without the space Firefox joins with was written by the server in one line.
    expect(check([[ACAO, `${O},${O}`]])).toEqual(
      expect.objectContaining({ reason: 'CORSAllowOriginNotMatchingOrigin', detail: `${O},${O}` }),
    );
    expect(check([[ACAO, `${O},${O}`]])?.alternative).toBeUndefined();
  });
});
