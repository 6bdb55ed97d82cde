import { describe, expect, it } from 'vitest';
import { checkRedirectLocation } from '../../../src/core/cors/check-redirect-location';
import { methodAfterRedirect } from '../../../src/core/cors/method-after-redirect';
import { parseUrl } from '../../../src/core/cors/parse-url';
import { redirectTaintsOrigin } from '../../../src/core/cors/redirect-taints-origin';
import type { RequestMode } from '../../../src/core/cors/types';

const A = 'http://localhost:5173';

describe('redirectTaintsOrigin (Fetch §4.4 HTTP-redirect fetch step 14)', () => {
  const rows: [string, string, string, boolean][] = [
    ['same-origin URL → cross-origin', `${A}/x`, 'http://b.test/y', false],
    ['cross-origin → same cross origin', 'http://b.test/x', 'http://b.test/y', false],
    ['cross-origin → another origin', 'http://b.test/x', 'http://c.test/y', true],
    ['cross-origin → back to the page origin', 'http://b.test/x', `${A}/y`, true],
    ['port differs counts', 'http://b.test/x', 'http://b.test:81/y', true],
  ];
  it.each(rows)('%s', (_name, current, location, expected) => {
    expect(redirectTaintsOrigin(A, current, location)).toBe(expected);
  });
});

describe('checkRedirectLocation (Fetch §4.4 steps 9–10)', () => {
  const rows: [string, string, RequestMode, boolean, boolean, boolean][] = [
    ['no credentials', 'http://b.test/', 'cors', true, false, false],
    ['credentials, cross-origin, cors mode', 'http://u:p@b.test/', 'cors', false, false, true],
    [
      'credentials, same-origin target, untainted, no CORS flag',
      `http://u:p@localhost:5173/`,
      'cors',
      false,
      false,
      false,
    ],
    ['credentials, same-origin target, tainted', `http://u:p@localhost:5173/`, 'cors', false, true, true],
    ['credentials, CORS flag set', `http://u@localhost:5173/`, 'cors', true, false, true],
    ['credentials, no-cors mode', 'http://u:p@b.test/', 'no-cors', false, false, false],
  ];
  it.each(rows)('%s', (_name, url, mode, corsFlag, tainted, fails) => {
    const location = parseUrl(url);
    expect(location).not.toBeNull();
    if (location === null) return;
    const result = checkRedirectLocation({ location, mode, origin: A, corsFlag, tainted });
    expect(result?.error).toBe(fails ? 'RedirectContainsCredentials' : undefined);
  });
});

describe('methodAfterRedirect (Fetch §4.4 step 12)', () => {
  const rows: [string, number, string][] = [
    ['POST', 301, 'GET'],
    ['POST', 302, 'GET'],
    ['PUT', 302, 'PUT'],
    ['PUT', 303, 'GET'],
    ['HEAD', 303, 'HEAD'],
    ['POST', 307, 'POST'],
    ['POST', 308, 'POST'],
  ];
  it.each(rows)('%s after %i → %s', (method, status, expected) => {
    expect(methodAfterRedirect(method, status)).toBe(expected);
  });
});

describe('parseUrl fast path agrees with the URL parser', () => {
  const urls = [
    'http://localhost:5173/x',
    'http://127.0.0.1:8081/api?x=1',
    'https://example.com:443/',
    'http://example.com:80',
    'http://EXAMPLE.com/',
    'http://0x7f.1/',
    'http://127.1/',
    'http://a.b:0080/',
    'http://u:p@a.test/',
    'http://a.test\\evil.test/',
    'https://xn--bcher-kva.example/',
    'http://256.1.1.1/',
    'http://a.test:65536/',
  ];
  it.each(urls)('%s', (url) => {
    let expected: string | null = null;
    try {
      expected = new URL(url).origin;
    } catch {
      expected = null;
    }
    expect(parseUrl(url)?.origin ?? null).toBe(expected);
  });
});
