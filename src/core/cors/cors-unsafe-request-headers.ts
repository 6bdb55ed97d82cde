import { checkCorsSafelistedRequestHeader } from './check-cors-safelisted-request-header';
import { isForbiddenRequestHeader } from './is-forbidden-request-header';
import { toLowerAscii } from './to-lower-ascii';
import type { HeaderList, UnsafeRequestHeader } from './types';

/** Fetch §2.2.2: safelisted values may total at most 1024 bytes. */
export const SAFELISTED_TOTAL_MAX = 1024;

/**
 * Fetch §2.2.2 CORS-unsafe request-header names, with the reason for each, in the request's own header order,
 * exactly as Chromium computes and walks them (services/network/cors/cors_util.cc
 * CorsUnsafeNotForbiddenRequestHeaderNames): forbidden headers are skipped; when the safelisted values add up to
 * more than 1024 bytes, every safelisted header is appended after the unsafe ones. Chromium reports the first of
 * these that a preflight does not allow, so the order matters (it is the header order on the wire, which Blink
 * derives from a hash map, not the order script set them in).
 */
export function corsUnsafeNotForbiddenRequestHeaders(headers: HeaderList): UnsafeRequestHeader[] {
  const unsafe: UnsafeRequestHeader[] = [];
  const safelisted: string[] = [];
  let safelistedSize = 0;
  for (let i = 0; i < headers.length; i++) {
    const entry = headers[i];
    if (entry === undefined) continue;
    const [name, value] = entry;
    if (isForbiddenRequestHeader(name, value)) continue;
    const lower = toLowerAscii(name);
    const check = checkCorsSafelistedRequestHeader(lower, value);
    if (check.safelisted) {
      safelisted.push(lower);
      safelistedSize += value.length;
    } else {
      unsafe.push({ name: lower, reason: check.reason });
    }
  }
  if (safelistedSize > SAFELISTED_TOTAL_MAX) {
    for (const name of safelisted) unsafe.push({ name, reason: 'total-size-over-1024' });
  }
  return unsafe;
}

/**
 * Fetch §2.2.2 CORS-unsafe request-header names with their reasons, sorted by name and unique: the order of
 * Access-Control-Request-Headers.
 */
export function corsUnsafeRequestHeaders(headers: HeaderList): UnsafeRequestHeader[] {
  const unsafe = corsUnsafeNotForbiddenRequestHeaders(headers);
  if (unsafe.length < 2) return unsafe;
  unsafe.sort(byName);
  return unsafe.filter((entry, i) => i === 0 || unsafe[i - 1]?.name !== entry.name);
}

function byName(a: UnsafeRequestHeader, b: UnsafeRequestHeader): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
