import { corsCheck } from './cors-check';
import { disallowedHeaderNames } from './ensure-allowed-headers';
import { ensureAllowedMethod } from './ensure-allowed-method';
import { getNormalizedHeader } from './get-normalized-header';
import { parseAllowHeaders } from './parse-allow-headers';
import { parseAllowMethods } from './parse-allow-methods';
import { toPreflightError } from './to-preflight-error';
import type { CorsFailure, CredentialsMode, HeaderList } from './types';

export interface PreflightCheckInput {
  status: number;
  headers: HeaderList;
  /** A Location the OPTIONS response carried (also read from `headers`). */
  location?: string;
  /** The actual request's method (normalized) and author headers (after authorRequestHeaders). */
  method: string;
  requestHeaders: HeaderList;
  credentials: CredentialsMode;
  /** Serialized origin the preflight was sent with ("null" when tainted). */
  origin: string;
  responseIsHttp?: boolean;
  /** What Chromium and Firefox do today: `*` in ACAH covers Authorization too (see ensureAllowedHeaders). */
  wildcardCoversAuthorization?: boolean;
}

export interface PreflightFailure extends CorsFailure {
  /** The response header the failure is about, lower-case. */
  header?: string;
  /** False when Chromium fails without a corsErrorStatus. */
  chromiumReportsCorsError?: boolean;
  /** HeaderDisallowedByPreflightResponse: every request header not allowed (failedParameter is the first). */
  disallowed?: string[];
}

// net::HttpResponseHeaders::IsRedirect: only these codes with a non-empty Location are followed as redirects.
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);

/**
 * Fetch §4.8 CORS-preflight fetch, in Chromium's order (services/network/cors/preflight_controller.cc):
 *  1. A redirect answer fails the preflight, whatever its headers (PreflightDisallowedRedirect; Chromium
 *     156.0.8078.79 reports it in corsErrorStatus, measured by the differential test).
 *  2. CheckPreflightAccess: the CORS check on ACAO/ACAC first (Preflight* names), and only when that passes,
 *     a non-2xx status → PreflightInvalidStatus. The spec checks "ok status" together with the CORS check; the
 *     order only matters for which error is named: a 405 without ACAO is PreflightMissingAllowOriginHeader.
 *  3. ACAM, then ACAH must parse (Invalid*PreflightResponse, failedParameter '').
 *  4. The method, then the headers must be allowed.
 */
export function corsPreflightCheck(input: PreflightCheckInput): PreflightFailure | undefined {
  const location = input.location ?? getNormalizedLocation(input.headers);
  if (REDIRECT_CODES.has(input.status) && location !== undefined && location !== '') {
    return {
      error: 'PreflightDisallowedRedirect',
      failedParameter: '',
      header: 'location',
    };
  }
  const access = corsCheck({
    allowOrigin: getNormalizedHeader(input.headers, 'access-control-allow-origin'),
    allowCredentials: getNormalizedHeader(input.headers, 'access-control-allow-credentials'),
    credentials: input.credentials,
    origin: input.origin,
    ...(input.responseIsHttp === undefined ? {} : { responseIsHttp: input.responseIsHttp }),
  });
  if (access !== undefined) {
    return {
      error: toPreflightError(access.error),
      failedParameter: access.failedParameter,
      header:
        access.error === 'InvalidAllowCredentials'
          ? 'access-control-allow-credentials'
          : 'access-control-allow-origin',
    };
  }
  if (input.status < 200 || input.status > 299) {
    return { error: 'PreflightInvalidStatus', failedParameter: '' };
  }
  const methods = parseAllowMethods(getNormalizedHeader(input.headers, 'access-control-allow-methods'));
  if (methods === null) {
    return {
      error: 'InvalidAllowMethodsPreflightResponse',
      failedParameter: '',
      header: 'access-control-allow-methods',
    };
  }
  const headerNames = parseAllowHeaders(getNormalizedHeader(input.headers, 'access-control-allow-headers'));
  if (headerNames === null) {
    return {
      error: 'InvalidAllowHeadersPreflightResponse',
      failedParameter: '',
      header: 'access-control-allow-headers',
    };
  }
  const include = input.credentials === 'include';
  const method = ensureAllowedMethod(input.method, methods, include);
  if (method !== undefined) return { ...method, header: 'access-control-allow-methods' };
  const disallowed = disallowedHeaderNames(
    input.requestHeaders,
    headerNames,
    include,
    input.wildcardCoversAuthorization ?? false,
  );
  const [first] = disallowed;
  if (first === undefined) return undefined;
  return {
    error: 'HeaderDisallowedByPreflightResponse',
    failedParameter: first,
    header: 'access-control-allow-headers',
    disallowed,
  };
}

// Location is a non-coalescing header in Chromium: the first line counts.
function getNormalizedLocation(headers: HeaderList): string | undefined {
  for (const [name, value] of headers) {
    if (name.toLowerCase() === 'location') return value.trim();
  }
  return undefined;
}
