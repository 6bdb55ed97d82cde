import { corsUnsafeNotForbiddenRequestHeaders } from './cors-unsafe-request-headers';
import type { CorsFailure, HeaderList } from './types';

/**
 * Fetch §4.8 CORS-preflight fetch, header step; Chromium: preflight_result.cc EnsureAllowedCrossOriginHeaders.
 * `*` (only without credentials) covers every header except `Authorization` (Fetch §2.2.2 CORS non-wildcard
 * request-header name), which must be listed by name — unless `wildcardCoversAuthorization`: Chromium 156 (its
 * NonWildcardRequestHeadersSupport is off) and Firefox 153 still let `*` cover it (measured).
 * Otherwise every CORS-unsafe header must appear in ACAH (case-insensitive); the first missing one, in the
 * request's header order (as observed on the wire), is reported.
 */
export function ensureAllowedHeaders(
  ...args: Parameters<typeof disallowedHeaderNames>
): CorsFailure | undefined {
  const [first] = disallowedHeaderNames(...args);
  return first === undefined
    ? undefined
    : { error: 'HeaderDisallowedByPreflightResponse', failedParameter: first };
}

/** Every request header name the preflight's answer does not allow, in the request's order (the first is reported). */
export function disallowedHeaderNames(
  headers: HeaderList,
  allowHeaders: readonly string[],
  credentialsInclude: boolean,
  wildcardCoversAuthorization = false,
): string[] {
  if (!credentialsInclude && allowHeaders.includes('*')) {
    if (wildcardCoversAuthorization) return [];
    // HasHeader("authorization") looks at every request header, safelisted or not.
    return hasHeader(headers, 'authorization') && !allowHeaders.includes('authorization')
      ? ['authorization']
      : [];
  }
  const names = corsUnsafeNotForbiddenRequestHeaders(headers).map((unsafe) => unsafe.name);
  return [...new Set(names)].filter((name) => !allowHeaders.includes(name));
}

function hasHeader(headers: HeaderList, lowerName: string): boolean {
  return headers.some(([name]) => name.toLowerCase() === lowerName);
}
