// originOf parses only the scheme and authority of an http(s) URL: it must agree with the URL parser on the whole URL.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { originOf } from '../../../src/core/exchange/origin-of';

const byParser = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

const part = fc.constantFrom(
  'a',
  'B',
  '1',
  '.',
  '-',
  ':',
  '@',
  '/',
  '\\',
  '?',
  '#',
  '%',
  '%2F',
  '%zz',
  ' ',
  '\t',
  '\n',
  '[',
  ']',
  '::1',
  'xn--',
  'é',
  '0x7f',
  '127.1',
  ':80',
  ':443',
  ':0080',
  ':99999',
  'user:pw@',
  'localhost',
  'EXAMPLE.com',
  '..',
  '~',
);
const messy = fc
  .tuple(
    fc.constantFrom(
      'http://',
      'https://',
      'HTTP://',
      'http:/',
      'http:',
      'blob:http://',
      'ftp://',
      'data:',
      ' http://',
      '',
    ),
    fc.array(part, { maxLength: 12 }),
  )
  .map(([scheme, parts]) => scheme + parts.join(''));

describe('originOf', () => {
  it('agrees with the URL parser on real URLs and on messy ones', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), messy), (url) => {
        expect(originOf(url)).toBe(byParser(url));
      }),
      { numRuns: 3_000 },
    );
  });

  it('normalises what the parser normalises', () => {
    expect(originOf('HTTP://Api.Example.COM:80/x?y#z')).toBe('http://api.example.com');
    expect(originOf('http://127.1:0080/x')).toBe('http://127.0.0.1');
    expect(originOf('https://user:pw@a.test:8443\\path')).toBe('https://a.test:8443');
    expect(originOf('http://a b/x')).toBeUndefined();
    expect(originOf('data:text/plain,x')).toBe('null');
  });
});
