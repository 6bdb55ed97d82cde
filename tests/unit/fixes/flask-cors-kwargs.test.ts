import { describe, expect, it } from 'vitest';
import { flaskCorsKwargs, flaskResourcePattern } from '../../../src/core/fixes/flask-cors-kwargs';
import { routeScope } from '../../../src/core/fixes/route-scope';
import { credentialedPut, jsonPut, simpleGet } from './fixtures';

describe('flaskCorsKwargs: keyword arguments as flask-cors spells them', () => {
  it.each([
    [
      'simple GET',
      simpleGet,
      { origins: ['http://localhost:5173'], methods: ['GET'], supports_credentials: false, max_age: 600 },
    ],
    [
      'credentialed PUT',
      credentialedPut,
      {
        origins: ['https://app.example.com'],
        methods: ['PUT'],
        allow_headers: ['content-type', 'x-api-key'],
        expose_headers: ['x-total-count'],
        supports_credentials: true,
        max_age: 300,
      },
    ],
    // flask-cors would read "[" or "$" as a regex (core.probably_regex): pass an anchored, escaped one.
    [
      'IPv6 origin and a "$" header become anchored regexes',
      { ...jsonPut, pageOrigin: 'http://[::1]:5173', requestHeaders: ['x-$a'] },
      {
        origins: ['^http://\\[::1\\]:5173$'],
        methods: ['PUT'],
        allow_headers: ['^x-\\$a$'],
        supports_credentials: false,
        max_age: 600,
      },
    ],
  ])('%s', (_, input, expected) => {
    expect(flaskCorsKwargs(input)).toEqual(expected);
  });

  it('the anchored origin regex matches the origin only', () => {
    const [origin = ''] = flaskCorsKwargs({ ...jsonPut, pageOrigin: 'http://[::1]:5173' }).origins;
    const regex = new RegExp(origin);
    expect(regex.test('http://[::1]:5173')).toBe(true);
    expect(regex.test('http://[::1]:51730')).toBe(false);
    expect(regex.test('http://:5173')).toBe(false);
  });
});

describe('flaskResourcePattern', () => {
  it.each([
    ['http://h/api/items?id=3', '/api/.*'],
    ['http://h/graphql', '/graphql'],
    ['http://h/', '/.*'],
    ['http://h/v1.0/x', '/v1\\.0/.*'],
  ])('%s → %s', (url, pattern) => {
    expect(flaskResourcePattern(routeScope(url))).toBe(pattern);
  });
});
