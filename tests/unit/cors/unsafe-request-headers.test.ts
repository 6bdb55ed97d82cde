import { describe, expect, it } from 'vitest';
import { authorRequestHeaders } from '../../../src/core/cors/author-request-headers';
import { corsUnsafeRequestHeaderNames } from '../../../src/core/cors/cors-unsafe-request-header-names';
import { corsUnsafeRequestHeaders } from '../../../src/core/cors/cors-unsafe-request-headers';
import { isForbiddenRequestHeader } from '../../../src/core/cors/is-forbidden-request-header';
import { needsPreflight } from '../../../src/core/cors/needs-preflight';
import type { HeaderList, PreflightNeed } from '../../../src/core/cors/types';

describe('corsUnsafeRequestHeaderNames', () => {
  const rows: [string, HeaderList, string[]][] = [
    // Fetch §2.2.2 CORS-unsafe request-header names: sorted, lower-case, unique
    ['none', [['Accept', 'text/html']], []],
    [
      'custom header',
      [
        ['X-B', '1'],
        ['X-A', '2'],
      ],
      ['x-a', 'x-b'],
    ],
    [
      'duplicates',
      [
        ['X-A', '1'],
        ['x-a', '2'],
      ],
      ['x-a'],
    ],
    ['json content type', [['Content-Type', 'application/json']], ['content-type']],
    [
      'forbidden headers skipped (Chromium CorsUnsafeNotForbiddenRequestHeaderNames)',
      [
        ['Cookie', 'a'],
        ['Sec-Foo', 'b'],
      ],
      [],
    ],
    // Fetch §2.2.2: safelisted values totalling more than 1024 bytes make them all unsafe
    [
      'safelisted values totalling 1024 bytes are still safe (Fetch §2.2.2: more than 1024)',
      [
        ['Accept', 'a'.repeat(128)],
        ['Accept-Language', 'b'.repeat(128)],
        ['Content-Language', 'c'.repeat(128)],
        ['Intervention', 'd'.repeat(128)],
        ['DPR', '1'.repeat(128)],
        ['Width', '2'.repeat(128)],
        ['RTT', '3'.repeat(128)],
        ['Downlink', '4'.repeat(128)],
        ['X-Custom', 'x'],
      ],
      ['x-custom'],
    ],
    [
      'one byte more makes every safelisted header unsafe (Fetch §2.2.2)',
      [
        ['Accept', 'a'.repeat(128)],
        ['Accept-Language', 'b'.repeat(128)],
        ['Content-Language', 'c'.repeat(128)],
        ['Intervention', 'd'.repeat(128)],
        ['DPR', '1'.repeat(128)],
        ['Width', '2'.repeat(128)],
        ['RTT', '3'.repeat(128)],
        ['Downlink', '4'.repeat(128)],
        ['ECT', '4g'],
        ['X-Custom', 'x'],
      ],
      [
        'accept',
        'accept-language',
        'content-language',
        'downlink',
        'dpr',
        'ect',
        'intervention',
        'rtt',
        'width',
        'x-custom',
      ],
    ],
  ];
  it.each(rows)('%s', (_name, headers, expected) => {
    expect(corsUnsafeRequestHeaderNames(headers)).toEqual(expected);
  });

  it('Fetch §2.2.2: reasons, and the 1024-byte rule marks safelisted headers total-size-over-1024', () => {
    const big: HeaderList = [
      ['Accept', 'a'.repeat(128)],
      ['Accept-Language', 'b'.repeat(128)],
      ['Content-Language', 'c'.repeat(128)],
      ['Intervention', 'd'.repeat(128)],
      ['Content-Type', `text/plain;${'e'.repeat(117)}`],
      ['Save-Data', 'on'],
      ['Sec-CH-UA', 'x'], // forbidden: does not count
      ['X-Extra', 'f'.repeat(10)],
    ];
    // 128*4 + 128 + 2 = 642 bytes: under the limit, so only the unknown name is unsafe.
    expect(corsUnsafeRequestHeaderNames(big)).toEqual(['x-extra']);
    const huge = authorRequestHeaders([
      ['Accept', 'a'.repeat(128)],
      ['Accept-Language', 'b'.repeat(128)],
      ['Content-Language', 'c'.repeat(128)],
      ['Intervention', 'd'.repeat(128)],
      ['Content-Type', `text/plain;${'e'.repeat(117)}`],
      ['DPR', '1'.repeat(128)],
      ['Width', '2'.repeat(128)],
      ['RTT', '3'.repeat(128)],
      ['Downlink', '4'.repeat(100)],
    ]);
    const unsafe = corsUnsafeRequestHeaders(huge);
    expect(unsafe.map((u) => u.name)).toEqual([
      'accept',
      'accept-language',
      'content-language',
      'content-type',
      'downlink',
      'dpr',
      'intervention',
      'rtt',
      'width',
    ]);
    expect(new Set(unsafe.map((u) => u.reason))).toEqual(new Set(['total-size-over-1024']));
  });
});

describe('isForbiddenRequestHeader', () => {
  // Fetch §2.2.2 forbidden request-header, Chromium's list (net::HttpUtil::IsSafeHeader)
  const rows: [string, string, boolean][] = [
    ['Cookie', 'a=b', true],
    ['Origin', 'x', true],
    ['Host', 'x', true],
    ['Content-Length', '1', true],
    ['User-Agent', 'x', true], // Chromium still forbids it (the spec no longer does)
    ['DNT', '1', true],
    ['Proxy-Authorization', 'x', true],
    ['Sec-Fetch-Mode', 'cors', true],
    ['X-HTTP-Method-Override', 'TRACE', true],
    ['X-HTTP-Method-Override', 'PATCH, connect', true],
    ['X-HTTP-Method-Override', 'PATCH', false],
    ['Authorization', 'x', false],
    ['X-Custom', 'x', false],
  ];
  it.each(rows)('%s: %s → %s', (name, value, expected) => {
    expect(isForbiddenRequestHeader(name, value)).toBe(expected);
  });
});

describe('authorRequestHeaders', () => {
  it('Fetch §2.2 normalize + combine; forbidden headers dropped (Headers guard)', () => {
    expect(
      authorRequestHeaders([
        ['X-A', ' 1 '],
        ['Cookie', 'c=d'],
        ['x-a', '2'],
        ['Accept', '\ttext/plain\r\n'],
      ]),
    ).toEqual([
      ['x-a', '1, 2'],
      ['accept', 'text/plain'],
    ]);
  });
});

describe('needsPreflight', () => {
  const rows: [string, { method: string; headers: HeaderList }, PreflightNeed][] = [
    // Fetch §4.1 main fetch: simple request
    ['simple GET', { method: 'GET', headers: [['Accept', 'x']] }, { required: false, reasons: [] }],
    // Fetch §4.1: method not CORS-safelisted
    ['PUT', { method: 'PUT', headers: [] }, { required: true, reasons: [{ kind: 'method', method: 'PUT' }] }],
    // Fetch §4.1: CORS-unsafe request-header names
    [
      'POST json + custom',
      {
        method: 'POST',
        headers: [
          ['Content-Type', 'application/json'],
          ['X-Token', 'y'],
        ],
      },
      {
        required: true,
        reasons: [
          { kind: 'header', name: 'content-type', reason: 'content-type-essence' },
          { kind: 'header', name: 'x-token', reason: 'not-safelisted-name' },
        ],
      },
    ],
    [
      'DELETE + Authorization',
      { method: 'DELETE', headers: [['Authorization', 'Bearer t']] },
      {
        required: true,
        reasons: [
          { kind: 'method', method: 'DELETE' },
          { kind: 'header', name: 'authorization', reason: 'not-safelisted-name' },
        ],
      },
    ],
  ];
  it.each(rows)('%s', (_name, request, expected) => {
    expect(needsPreflight(request)).toEqual(expected);
  });
});
