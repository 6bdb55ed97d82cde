import { checkCorsSafelistedRequestHeader } from './check-cors-safelisted-request-header';
import { isForbiddenRequestHeader } from './is-forbidden-request-header';
import { toLowerAscii } from './to-lower-ascii';
import type { HeaderList, UnsafeRequestHeader } from './types';

/** Fetch §2.2.2: safelisted values may total at most 1024 bytes. */
export const SAFELISTED_TOTAL_MAX = 1024;

/**
 * Fetch §2.2.2 CORS-unsafe request-header names, with the reason for each, as Chromium computes them
 * (services/network/cors/cors_util.cc CorsUnsafeNotForbiddenRequestHeaderNames): forbidden headers are skipped;
 * when the safelisted values add up to more than 1024 bytes, every safelisted header becomes unsafe too.
 * Sorted by name (the order of Access-Control-Request-Headers), duplicates removed.
 */
export function corsUnsafeRequestHeaders(headers: HeaderList): UnsafeRequestHeader[] {
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
  if (unsafe.length < 2) return unsafe;
  unsafe.sort(byName);
  return unsafe.filter((entry, i) => i === 0 || unsafe[i - 1]?.name !== entry.name);
}

function byName(a: UnsafeRequestHeader, b: UnsafeRequestHeader): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
