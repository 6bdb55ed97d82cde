import { describe, expect, it } from 'vitest';
import { validateExposeHeaderName } from '../../../src/core/rules/validate-expose-header-name';
import { validateHeaderName } from '../../../src/core/rules/validate-header-name';

const SET_BY_BROWSER = 'the browser sets it itself and page script can never send it';
const NOT_TOKEN = (v: string, c: string) =>
  `"${v}" is not a valid header name: it contains ${c}. Use letters, digits and ! # $ % & ' * + - . ^ _ \` | ~ only.`;

describe('validateHeaderName (Access-Control-Allow-Headers entries)', () => {
  it.each<[string, string]>([
    ['content-type', 'content-type'],
    ['Content-Type', 'content-type'], // names are case-insensitive; ACRH sends them lower-case
    [' Authorization ', 'authorization'],
    ['x-api-key', 'x-api-key'],
    ["x-!#$%&'*+.^_`|~", "x-!#$%&'*+.^_`|~"], // every tchar
  ])('accepts %j as %j', (input, value) => {
    expect(validateHeaderName(input)).toEqual({ ok: true, value });
  });

  it.each<[string, string]>([
    ['', 'Enter a header name, such as content-type or authorization.'],
    [
      '*',
      'Name each header, such as content-type, authorization: "*" is taken literally when credentials are allowed, so overrides always list headers.',
    ],
    ['x bad', NOT_TOKEN('x bad', 'a space')],
    ['x:y', NOT_TOKEN('x:y', '":"')],
    ['x-"q"', NOT_TOKEN('x-"q"', '"""')],
    ['é', NOT_TOKEN('é', '"é"')],
    [
      'cookie',
      `cookie cannot be allowed: ${SET_BY_BROWSER}. To send cookies, turn on "Allow credentials" instead.`,
    ],
    ['Host', `host cannot be allowed: ${SET_BY_BROWSER}.`],
    [
      'origin',
      `origin cannot be allowed: ${SET_BY_BROWSER}; the override already answers it with the page origin.`,
    ],
    ['content-length', `content-length cannot be allowed: ${SET_BY_BROWSER} from the body.`],
    [
      'access-control-request-method',
      `access-control-request-method cannot be allowed: ${SET_BY_BROWSER} on the preflight.`,
    ],
    [
      'Sec-Fetch-Mode',
      `sec-fetch-mode cannot be allowed: ${SET_BY_BROWSER} (every sec- header is reserved for the browser).`,
    ],
    [
      'proxy-authorization',
      `proxy-authorization cannot be allowed: ${SET_BY_BROWSER} (every proxy- header is reserved for the browser).`,
    ],
    [
      'user-agent',
      `user-agent cannot be allowed: ${SET_BY_BROWSER} (Chromium forbids it although the Fetch standard no longer does).`,
    ],
  ])('rejects %j', (input, message) => {
    expect(validateHeaderName(input)).toEqual({ ok: false, message });
  });
});

describe('validateExposeHeaderName (Access-Control-Expose-Headers entries)', () => {
  it('lower-cases a custom header', () => {
    expect(validateExposeHeaderName('X-Request-Id')).toEqual({ ok: true, value: 'x-request-id' });
  });

  it('accepts a safelisted response header but says it is readable anyway (Fetch §2.2.2)', () => {
    expect(validateExposeHeaderName('Content-Type')).toEqual({
      ok: true,
      value: 'content-type',
      note: 'content-type is readable without being exposed; listing it does no harm.',
    });
  });

  it.each<[string, string]>([
    ['', 'Enter a response header name, such as x-request-id.'],
    [
      '*',
      'Name each header to expose, such as x-request-id: "*" exposes nothing when credentials are allowed, so overrides always list headers.',
    ],
    ['Set-Cookie', 'set-cookie is never readable by page script, whatever the server exposes; remove it.'],
    ['set-cookie2', 'set-cookie2 is never readable by page script, whatever the server exposes; remove it.'],
    ['a b', NOT_TOKEN('a b', 'a space')],
  ])('rejects %j', (input, message) => {
    expect(validateExposeHeaderName(input)).toEqual({ ok: false, message });
  });
});
