import { describe, expect, it } from 'vitest';
import { checkCorsSafelistedRequestHeader } from '../../../src/core/cors/check-cors-safelisted-request-header';
import { isCorsSafelistedRequestHeader } from '../../../src/core/cors/is-cors-safelisted-request-header';
import type { SafelistCheck } from '../../../src/core/cors/types';

const OK: SafelistCheck = { safelisted: true };
const no = (reason: Extract<SafelistCheck, { safelisted: false }>['reason']): SafelistCheck => ({
  safelisted: false,
  reason,
});

describe('checkCorsSafelistedRequestHeader', () => {
  const rows: [name: string, value: string, expected: SafelistCheck][] = [
    // Fetch §2.2.2 CORS-safelisted request-header: Accept
    ['Accept', 'application/json', OK],
    ['accept', '*/*', OK],
    ['Accept', 'text/html"', no('unsafe-byte')], // Fetch §2.2.2 CORS-unsafe request-header byte `"`
    ['Accept', 'a{b}', no('unsafe-byte')],
    ['Accept', 'a\tb', OK], // HT is not an unsafe byte
    ['Accept', 'a\u0001b', no('unsafe-byte')],
    ['Accept', 'x'.repeat(128), OK], // Fetch §2.2.2: 128 bytes is still fine
    ['Accept', 'x'.repeat(129), no('value-too-long')], // Fetch §2.2.2: more than 128 bytes
    // Fetch §2.2.2: Accept-Language / Content-Language byte set
    ['Accept-Language', 'en-US,en;q=0.9', OK],
    ['Content-Language', 'de-DE', OK],
    ['Accept-Language', 'en_US', no('language-byte')],
    ['Content-Language', 'fr(x)', no('language-byte')],
    // Fetch §2.2.2: Content-Type essence
    ['Content-Type', 'text/plain', OK],
    ['Content-Type', 'text/plain;charset=UTF-8', OK],
    ['Content-Type', 'Multipart/Form-Data; boundary=x', OK],
    ['Content-Type', 'application/x-www-form-urlencoded', OK],
    ['Content-Type', 'application/json', no('content-type-essence')],
    ['Content-Type', 'text/plain, application/json', no('content-type-essence')], // Chromium: no comma split
    ['Content-Type', 'text/plain; charset="x"', no('unsafe-byte')], // `"` is unsafe before parsing
    ['Content-Type', 'text /plain', no('content-type-essence')],
    // Fetch §2.2.2: Range, simple range header value (+ Chromium: no suffix ranges)
    ['Range', 'bytes=0-499', OK],
    ['Range', 'bytes=256-', OK],
    ['Range', 'bytes=-500', no('range-not-simple')],
    ['Range', 'bytes=5-1', no('range-not-simple')],
    ['Range', 'bytes = 0-1', no('range-not-simple')],
    ['Range', 'Bytes=0-1', no('range-not-simple')],
    ['Range', 'bytes=0-1,3-4', no('range-not-simple')],
    // Chromium-only safelist: Intervention and client hints (cors.cc IsCorsSafelistedHeader)
    ['Intervention', 'anything at all', OK],
    ['DPR', '2.5', OK],
    ['DPR', '2.', no('client-hint-value')],
    ['Device-Memory', '8', OK],
    ['Width', '100', OK],
    ['Viewport-Width', '1.5', no('client-hint-value')],
    ['RTT', '50', OK],
    ['Downlink', '1.2', OK],
    ['ECT', '4g', OK],
    ['ECT', '5g', no('client-hint-value')],
    ['Save-Data', 'On', OK],
    ['Save-Data', 'off', no('client-hint-value')],
    // Fetch §2.2.2: any other name is unsafe
    ['X-Requested-With', 'XMLHttpRequest', no('not-safelisted-name')],
    ['Authorization', 'Bearer x', no('not-safelisted-name')],
    ['Lang', 'en', no('not-safelisted-name')], // removed from Chromium's list in M96
  ];
  it.each(rows)('%s: %j', (name, value, expected) => {
    expect(checkCorsSafelistedRequestHeader(name, value)).toEqual(expected);
    expect(isCorsSafelistedRequestHeader(name, value)).toBe(expected.safelisted);
  });
});
