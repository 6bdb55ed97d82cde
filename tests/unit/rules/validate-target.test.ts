import { describe, expect, it } from 'vitest';
import { validateTarget } from '../../../src/core/rules/validate-target';

const OPERATOR = (c: string) =>
  `The path cannot contain "${c}": the browser's URL filter reads it as an operator, so it cannot be matched exactly. End the path prefix before it.`;
const QUERY = (from: string) =>
  `Remove the query or fragment (from "${from}"): a target is an origin with an optional path prefix, such as https://api.example.com/v1/.`;

describe('validateTarget: origin plus path prefix', () => {
  it.each<[string, string, string, string | undefined]>([
    ['http://127.0.0.1:8081', 'http://127.0.0.1:8081', '/', undefined],
    ['http://127.0.0.1:8081/', 'http://127.0.0.1:8081', '/', undefined],
    ['https://api.example.com/v1/', 'https://api.example.com', '/v1/', undefined],
    ['https://api.example.com/v1', 'https://api.example.com', '/v1', undefined],
    ['HTTPS://API.example.com', 'https://api.example.com', '/', 'Normalised to https://api.example.com.'],
    // Non-ASCII becomes percent-encoded, as the browser sends it: urlFilter is ASCII only.
    ['http://x.test/ä', 'http://x.test', '/%C3%A4', 'Normalised to http://x.test/%C3%A4.'],
    // An encoded operator is a literal: fine for urlFilter.
    ['http://x.test/%7Cb', 'http://x.test', '/%7Cb', undefined],
    [
      'api.example.com/v1',
      'https://api.example.com',
      '/v1',
      'Assumed https://api.example.com/v1: public hosts usually use https. Type http:// or https:// to choose.',
    ],
    [
      '127.0.0.1:8081',
      'http://127.0.0.1:8081',
      '/',
      'Assumed http://127.0.0.1:8081: local development servers usually use plain http. Type http:// or https:// to choose.',
    ],
  ])('%j', (input, origin, pathPrefix, note) => {
    const value = { origin, pathPrefix };
    expect(validateTarget(input)).toEqual(
      note === undefined ? { ok: true, value } : { ok: true, value, note },
    );
  });

  it.each<[string, string]>([
    ['', 'Enter the target, such as https://api.example.com/v1/.'],
    [
      'http://x.test/a*',
      'Use an exact origin, optionally with a path, such as https://api.example.com/v1/ — wildcards are not allowed: a path prefix already covers everything below it.',
    ],
    ['http://x.test/a^b', OPERATOR('^')],
    ['http://x.test/a|b', OPERATOR('|')],
    ['http://x.test/a?b=1', QUERY('?b=1')],
    ['http://x.test/a#f', QUERY('#f')],
    ['http://x.test/?', QUERY('?')],
    [
      'mailto:someone@example.com',
      'Only http: and https: targets can be overridden; "mailto:" is not one. Use a web address such as https://api.example.com/v1/.',
    ],
    [
      'data:text/plain,hi',
      'Only http: and https: targets can be overridden; "data:" is not one. Use a web address such as https://api.example.com/v1/.',
    ],
    [
      'null',
      '"null" is the opaque origin of sandboxed frames and file: pages, which no override can name: use an http(s) target such as https://api.example.com/v1/.',
    ],
  ])('rejects %j', (input, message) => {
    expect(validateTarget(input)).toEqual({ ok: false, message });
  });
});
