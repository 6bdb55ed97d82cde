import { getNormalizedHeader } from './get-normalized-header';
import { isCorsSafelistedResponseHeaderName } from './is-cors-safelisted-response-header-name';
import { isForbiddenResponseHeaderName } from './is-forbidden-response-header-name';
import { parseExposeHeaders } from './parse-expose-headers';
import { toLowerAscii } from './to-lower-ascii';
import type { CredentialsMode, HeaderList } from './types';

/**
 * Fetch §2.2.6 CORS filtered response: the response headers script can read through a CORS response —
 * present headers whose name is CORS-safelisted or listed in Access-Control-Expose-Headers. `*` in ACEH exposes
 * every header, but only when credentials mode is not include (then `*` is a literal name). Set-Cookie and
 * Set-Cookie2 are never exposed. Lower-case, sorted, unique.
 */
export function exposedResponseHeaders(responseHeaders: HeaderList, credentials: CredentialsMode): string[] {
  const listed = parseExposeHeaders(getNormalizedHeader(responseHeaders, 'access-control-expose-headers'));
  const all = credentials !== 'include' && listed.includes('*');
  const names = new Set<string>();
  for (const [name] of responseHeaders) {
    const lower = toLowerAscii(name);
    if (isForbiddenResponseHeaderName(lower)) continue;
    if (all || isCorsSafelistedResponseHeaderName(lower) || listed.includes(lower)) names.add(lower);
  }
  return [...names].sort();
}

/** Fetch §2.2.6 basic filtered response: everything but the forbidden response-header names. */
export function basicResponseHeaderNames(responseHeaders: HeaderList): string[] {
  const names = new Set<string>();
  for (const [name] of responseHeaders) {
    const lower = toLowerAscii(name);
    if (!isForbiddenResponseHeaderName(lower)) names.add(lower);
  }
  return [...names].sort();
}
