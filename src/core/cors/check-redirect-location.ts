import type { ParsedUrl } from './parse-url';
import type { CorsFailure, RequestMode } from './types';

export interface RedirectLocationInput {
  location: ParsedUrl;
  mode: RequestMode;
  /** The page's serialized origin. */
  origin: string;
  corsFlag: boolean;
  tainted: boolean;
}

/**
 * Fetch §4.4 HTTP-redirect fetch, steps 9–10 (Chromium: cors_url_loader.cc CheckRedirectLocation): a redirect
 * to a URL with user:pass fails when the request is CORS mode and either its origin is tainted or the location
 * is cross-origin, or whenever the CORS flag is set. Chromium reports no failedParameter.
 */
export function checkRedirectLocation(input: RedirectLocationInput): CorsFailure | undefined {
  if (!input.location.hasCredentials) return undefined;
  const crossOrigin = input.origin === 'null' || input.location.origin !== input.origin;
  if (input.mode === 'cors' && (input.tainted || crossOrigin)) {
    return { error: 'RedirectContainsCredentials', failedParameter: '' };
  }
  if (input.corsFlag) return { error: 'RedirectContainsCredentials', failedParameter: '' };
  return undefined;
}
