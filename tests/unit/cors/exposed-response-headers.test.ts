import { describe, expect, it } from 'vitest';
import { exposedResponseHeaders } from '../../../src/core/cors/exposed-response-headers';
import type { CredentialsMode, HeaderList } from '../../../src/core/cors/types';

const response: HeaderList = [
  ['Content-Type', 'application/json'],
  ['Content-Length', '2'],
  ['X-Request-Id', 'abc'],
  ['X-Total', '7'],
  ['Set-Cookie', 'a=b'],
  ['Date', 'now'],
];

describe('exposedResponseHeaders (Fetch §2.2.6 CORS filtered response)', () => {
  const rows: [string, HeaderList, CredentialsMode, string[]][] = [
    // Fetch §2.2.2 CORS-safelisted response-header names only
    ['no ACEH', response, 'omit', ['content-length', 'content-type']],
    // Fetch §4.1: names from Access-Control-Expose-Headers
    [
      'ACEH lists one',
      [...response, ['Access-Control-Expose-Headers', 'X-Request-Id']],
      'omit',
      ['content-length', 'content-type', 'x-request-id'],
    ],
    [
      'ACEH names a header that is absent',
      [...response, ['Access-Control-Expose-Headers', 'X-Missing']],
      'omit',
      ['content-length', 'content-type'],
    ],
    // `*` exposes all without credentials, never Set-Cookie
    [
      '* without credentials',
      [...response, ['Access-Control-Expose-Headers', '*']],
      'same-origin',
      ['access-control-expose-headers', 'content-length', 'content-type', 'date', 'x-request-id', 'x-total'],
    ],
    // `*` is a literal name with credentials
    [
      '* with credentials',
      [...response, ['Access-Control-Expose-Headers', '*']],
      'include',
      ['content-length', 'content-type'],
    ],
    [
      'Set-Cookie never, even listed',
      [...response, ['Access-Control-Expose-Headers', 'Set-Cookie, X-Total']],
      'omit',
      ['content-length', 'content-type', 'x-total'],
    ],
    [
      'invalid ACEH exposes nothing extra',
      [...response, ['Access-Control-Expose-Headers', 'X-Total X-Request-Id']],
      'omit',
      ['content-length', 'content-type'],
    ],
    [
      'repeated ACEH lines combine',
      [
        ...response,
        ['Access-Control-Expose-Headers', 'X-Total'],
        ['Access-Control-Expose-Headers', 'X-Request-Id'],
      ],
      'omit',
      ['content-length', 'content-type', 'x-request-id', 'x-total'],
    ],
  ];
  it.each(rows)('%s', (_name, headers, credentials, expected) => {
    expect(exposedResponseHeaders(headers, credentials)).toEqual(expected);
  });
});
