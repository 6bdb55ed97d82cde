import { describe, expect, it } from 'vitest';
import { getNormalizedHeader } from '../../../src/core/cors/get-normalized-header';
import { parseAllowHeaders } from '../../../src/core/cors/parse-allow-headers';
import { parseAllowMethods } from '../../../src/core/cors/parse-allow-methods';
import { parseExposeHeaders } from '../../../src/core/cors/parse-expose-headers';
import type { HeaderList } from '../../../src/core/cors/types';

describe('parseAllowMethods', () => {
  // Fetch §4.8 CORS-preflight fetch + §3.3.6 `#token`; Chromium preflight_result.cc ParseAccessControlAllowList
  const rows: [string | undefined, string[] | null][] = [
    [undefined, []], // absent header: empty list
    ['', []],
    ['GET, PUT', ['GET', 'PUT']],
    ['GET,PUT', ['GET', 'PUT']],
    [' PATCH ,\tdelete ', ['PATCH', 'delete']], // case kept for the case-sensitive match
    ['GET, , PUT', ['GET', 'PUT']], // empty entries skipped
    ['*', ['*']],
    ['GET PUT', null], // space inside an entry: not a token
    ['GET;PUT', null],
    ['"GET"', null],
    ['GET, "PUT, DELETE"', null],
    ['GET, P(UT', null],
  ];
  it.each(rows)('%j → %j', (value, expected) => {
    expect(parseAllowMethods(value)).toEqual(expected);
  });
});

describe('parseAllowHeaders', () => {
  // Fetch §4.8 CORS-preflight fetch: header names, compared case-insensitively (lower-cased here)
  const rows: [string | undefined, string[] | null][] = [
    [undefined, []],
    ['Content-Type, X-Token', ['content-type', 'x-token']],
    ['*', ['*']],
    ['Authorization,*', ['authorization', '*']],
    ['x-a x-b', null],
    ['x-a,x:b', null],
  ];
  it.each(rows)('%j → %j', (value, expected) => {
    expect(parseAllowHeaders(value)).toEqual(expected);
  });
});

describe('parseExposeHeaders', () => {
  // Fetch §4.1 main fetch, CORS-exposed header-name list (Blink HTTPHeaderNameListParser)
  const rows: [string | undefined, string[]][] = [
    [undefined, []],
    ['X-A, x-b', ['x-a', 'x-b']],
    [' , a', ['a']],
    ['not valid', []], // one bad entry drops the whole list
    ['///', []],
    ['*', ['*']],
  ];
  it.each(rows)('%j → %j', (value, expected) => {
    expect(parseExposeHeaders(value)).toEqual(expected);
  });
});

describe('getNormalizedHeader', () => {
  // Fetch §2.2 get (combine with ", "); Chromium HttpResponseHeaders::GetNormalizedHeader
  const rows: [string, HeaderList, string | undefined][] = [
    ['absent', [['X', '1']], undefined],
    ['one line, trimmed', [['Access-Control-Allow-Origin', '  http://a  ']], 'http://a'],
    [
      'two lines joined with ", "',
      [
        ['access-control-allow-origin', 'http://a'],
        ['ACCESS-CONTROL-ALLOW-ORIGIN', 'http://b'],
      ],
      'http://a, http://b',
    ],
    [
      'comma inside one line kept as sent',
      [['Access-Control-Allow-Origin', 'http://a,http://b']],
      'http://a,http://b',
    ],
    ['empty value is present', [['Access-Control-Allow-Origin', '']], ''],
  ];
  it.each(rows)('%s', (_name, headers, expected) => {
    expect(getNormalizedHeader(headers, 'access-control-allow-origin')).toBe(expected);
  });
});
