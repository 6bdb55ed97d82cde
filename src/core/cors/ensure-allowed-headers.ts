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
  headers: HeaderList,
  allowHeaders: readonly string[],
  credentialsInclude: boolean,
  wildcardCoversAuthorization = false,
): CorsFailure | undefined {
  if (!credentialsInclude && allowHeaders.includes('*')) {
    if (wildcardCoversAuthorization) return undefined;
    // HasHeader("authorization") looks at every request header, safelisted or not.
    if (hasHeader(headers, 'authorization') && !allowHeaders.includes('authorization')) {
      return { error: 'HeaderDisallowedByPreflightResponse', failedParameter: 'authorization' };
    }
    return undefined;
  }
  for (const unsafe of corsUnsafeNotForbiddenRequestHeaders(headers)) {
    if (!allowHeaders.includes(unsafe.name)) {
      return { error: 'HeaderDisallowedByPreflightResponse', failedParameter: unsafe.name };
    }
  }
  return undefined;
}

function hasHeader(headers: HeaderList, lowerName: string): boolean {
  return headers.some(([name]) => name.toLowerCase() === lowerName);
}
