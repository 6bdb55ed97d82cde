import { describe, expect, it } from 'vitest';
import { corsUnsafeRequestHeaderNames } from '../../../src/core/cors/cors-unsafe-request-header-names';

// Fetch §2.2.2 "CORS-unsafe request-header names" and "CORS-safelisted request-header".
describe('corsUnsafeRequestHeaderNames', () => {
  it.each<[string, [string, string][], string[]]>([
    ['form content type is safelisted', [['Content-Type', 'application/x-www-form-urlencoded']], []],
    ['text/plain with charset is safelisted', [['content-type', 'text/plain; charset=utf-8']], []],
    ['JSON content type is not', [['Content-Type', 'application/json']], ['content-type']],
    [
      'custom headers, sorted and lower-cased',
      [
        ['X-B', '1'],
        ['x-a', '2'],
      ],
      ['x-a', 'x-b'],
    ],
    ['accept with an unsafe byte', [['accept', 'a"b']], ['accept']],
    ['accept-language with a slash', [['accept-language', 'en/us']], ['accept-language']],
    ['authorization always', [['Authorization', 'Bearer x']], ['authorization']],
    [
      'browser-controlled headers are not listed',
      [
        ['cookie', 'a=1'],
        ['user-agent', 'x'],
        ['sec-fetch-mode', 'cors'],
      ],
      [],
    ],
    ['a value over 128 bytes', [['accept', 'a'.repeat(129)]], ['accept']],
    [
      'safelisted values over 1024 bytes in total',
      Array.from({ length: 9 }, (_, i): [string, string] => [
        i % 2 ? 'accept' : 'accept-language',
        'a'.repeat(120),
      ]),
      ['accept', 'accept-language'],
    ],
    ['a valid range', [['range', 'bytes=0-99']], []],
    ['an inverted range', [['range', 'bytes=9-1']], ['range']],
  ])('%s', (_, headers, expected) => {
    expect(corsUnsafeRequestHeaderNames(headers)).toEqual(expected);
  });
});
