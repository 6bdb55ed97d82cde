import { checkCorsSafelistedRequestHeader } from '../check-cors-safelisted-request-header';
import { isForbiddenRequestHeader } from '../is-forbidden-request-header';
import { toLowerAscii } from '../to-lower-ascii';
import type { HeaderList, UnsafeRequestHeader } from '../types';

// Firefox safelists the Fetch standard's five names only (dom/fetch/InternalHeaders.cpp IsSimpleHeader; Range too in
// Firefox 153, measured: `Range: bytes=0-99` goes without a preflight), each value at most 128 bytes: none of
// Chromium's client hints, and no 1024-byte limit on the safelisted values together.
const SAFELISTED_NAMES = new Set(['accept', 'accept-language', 'content-language', 'content-type', 'range']);

/**
 * The author headers Firefox does not safelist, unique, lower-case and sorted: what it sends in
 * Access-Control-Request-Headers and checks against Access-Control-Allow-Headers in that order
 * (nsCORSListenerProxy.cpp StartCORSPreflight lower-cases and sorts them).
 */
export function firefoxUnsafeRequestHeaders(headers: HeaderList): UnsafeRequestHeader[] {
  const unsafe = new Map<string, UnsafeRequestHeader>();
  for (const [name, value] of headers) {
    if (isForbiddenRequestHeader(name, value)) continue;
    const lower = toLowerAscii(name);
    if (unsafe.has(lower)) continue;
    if (!SAFELISTED_NAMES.has(lower)) {
      unsafe.set(lower, { name: lower, reason: 'not-safelisted-name' });
      continue;
    }
    const check = checkCorsSafelistedRequestHeader(lower, value);
    if (!check.safelisted) unsafe.set(lower, { name: lower, reason: check.reason });
  }
  return [...unsafe.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
