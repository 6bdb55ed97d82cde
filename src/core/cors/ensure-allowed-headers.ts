import { corsUnsafeRequestHeaders } from './cors-unsafe-request-headers';
import type { CorsFailure, HeaderList } from './types';

/**
 * Fetch §4.8 CORS-preflight fetch, header step; Chromium: preflight_result.cc EnsureAllowedCrossOriginHeaders
 * (NonWildcardRequestHeadersSupport on, its default). `*` (only without credentials) covers every header except
 * `Authorization` (Fetch §2.2.2 CORS non-wildcard request-header name), which must be listed by name.
 * Otherwise every CORS-unsafe header must appear in ACAH (case-insensitive); the first missing one is reported.
 * Chromium walks the request's header vector in its internal order, which we cannot see; we report the first
 * missing name in sorted order.
 */
export function ensureAllowedHeaders(
  headers: HeaderList,
  allowHeaders: readonly string[],
  credentialsInclude: boolean,
): CorsFailure | undefined {
  if (!credentialsInclude && allowHeaders.includes('*')) {
    // HasHeader("authorization") looks at every request header, safelisted or not.
    if (hasHeader(headers, 'authorization') && !allowHeaders.includes('authorization')) {
      return { error: 'HeaderDisallowedByPreflightResponse', failedParameter: 'authorization' };
    }
    return undefined;
  }
  for (const unsafe of corsUnsafeRequestHeaders(headers)) {
    if (!allowHeaders.includes(unsafe.name)) {
      return { error: 'HeaderDisallowedByPreflightResponse', failedParameter: unsafe.name };
    }
  }
  return undefined;
}

function hasHeader(headers: HeaderList, lowerName: string): boolean {
  return headers.some(([name]) => name.toLowerCase() === lowerName);
}
