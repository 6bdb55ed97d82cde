import fc from 'fast-check';
import type { FixInput } from '../../../../src/core/fixes/types';

// RFC 9110 §5.6.2 tchar: every one of these is legal in a header name or method, and several are hostile to
// some configuration language (' " $ % * ^ ` | ~ # &).
const TCHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~".split('');
const token = fc
  .array(fc.constantFrom(...TCHARS), { minLength: 1, maxLength: 10 })
  .map((chars) => chars.join(''));
const commonHeader = fc.constantFrom(
  'content-type',
  'authorization',
  'x-api-key',
  'x-requested-with',
  'accept',
);
const header = fc.oneof(commonHeader, token);

const host = fc.constantFrom(
  'localhost',
  '127.0.0.1',
  'app.example.com',
  '[::1]',
  'shop.localhost',
  'xn--bcher-kva.example',
);
const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
const scheme = fc.constantFrom('http', 'https');
const origin = fc
  .tuple(scheme, host, port)
  .map(([s, h, p]) => new URL(`${s}://${h}${p === undefined ? '' : `:${p}`}`).origin);

// Path segments with the characters a first segment can carry (and some it cannot, which fall back to "/").
const segment = fc
  .array(fc.constantFrom(...'abcXYZ019._~-$+!@ '.split('')), { minLength: 1, maxLength: 8 })
  .map((chars) => chars.join(''));
const path = fc
  .array(segment, { maxLength: 3 })
  .map((segments) => `/${segments.map(encodeURIComponent).join('/')}`);

export const fixInputArbitrary: fc.Arbitrary<FixInput> = fc.record(
  {
    pageOrigin: fc.oneof({ weight: 9, arbitrary: origin }, { weight: 1, arbitrary: fc.constant('null') }),
    targetUrl: fc
      .tuple(origin, path, fc.constantFrom('', '?id=3', '?q=a%20b&x=1'))
      .map(([o, p, q]) => `${o}${p}${q}`),
    methods: fc.array(fc.oneof(fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'patch', 'POST'), token), {
      minLength: 1,
      maxLength: 3,
    }),
    requestHeaders: fc.array(header, { maxLength: 4 }),
    credentials: fc.constantFrom('include', 'omit', 'unknown'),
    exposeHeaders: fc.array(header, { maxLength: 3 }),
    preflight: fc.boolean(),
    maxAge: fc.option(fc.integer({ min: 0, max: 86_400 }), { nil: undefined }),
  },
  {
    requiredKeys: [
      'pageOrigin',
      'targetUrl',
      'methods',
      'requestHeaders',
      'credentials',
      'exposeHeaders',
      'preflight',
    ],
  },
);
