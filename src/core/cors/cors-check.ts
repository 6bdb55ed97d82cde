import { isValidAllowOriginUrl } from './is-valid-allow-origin-url';
import type { AccessCheckError, CorsFailure, CredentialsMode } from './types';

export interface CorsCheckInput {
  /** The normalized `Access-Control-Allow-Origin` value (undefined = absent). */
  allowOrigin: string | undefined;
  /** The normalized `Access-Control-Allow-Credentials` value (undefined = absent). */
  allowCredentials: string | undefined;
  credentials: CredentialsMode;
  /** The serialized origin being checked: the page's, or "null" once a redirect tainted it. */
  origin: string;
  /** Chromium applies the wildcard-with-credentials rule only to http(s) responses. */
  responseIsHttp?: boolean;
}

/**
 * Fetch §4.10 CORS check, in Chromium's order (services/network/public/cpp/cors/cors.cc CheckAccess):
 *  1. ACAO `*`: fine unless credentials mode is include → WildcardOriginNotAllowed (even with ACAC true).
 *  2. ACAO absent → MissingAllowOriginHeader.
 *  3. ACAO ≠ origin: contains ' ' or ',' → MultipleAllowOriginValues; `null` → AllowOriginMismatch;
 *     not a parsable URL → InvalidAllowOriginValue; otherwise AllowOriginMismatch. failedParameter = the value.
 *  4. Credentials include: ACAC must be exactly `true` (case-sensitive) → InvalidAllowCredentials with the
 *     value ('' when absent).
 * Chromium compares ACAO with the serialized origin byte for byte, so `null` matches an opaque (or tainted)
 * origin; the spec's CORS check does the same comparison.
 */
export function corsCheck(input: CorsCheckInput): CorsFailure<AccessCheckError> | undefined {
  const { allowOrigin, origin } = input;
  const include = input.credentials === 'include';
  if (allowOrigin === '*') {
    if (!include) return undefined;
    if (input.responseIsHttp !== false) return { error: 'WildcardOriginNotAllowed', failedParameter: '' };
  } else if (allowOrigin === undefined) {
    return { error: 'MissingAllowOriginHeader', failedParameter: '' };
  } else if (allowOrigin !== origin) {
    if (allowOrigin.includes(' ') || allowOrigin.includes(',')) {
      return { error: 'MultipleAllowOriginValues', failedParameter: allowOrigin };
    }
    if (allowOrigin === 'null') return { error: 'AllowOriginMismatch', failedParameter: allowOrigin };
    if (!isValidAllowOriginUrl(allowOrigin)) {
      return { error: 'InvalidAllowOriginValue', failedParameter: allowOrigin };
    }
    return { error: 'AllowOriginMismatch', failedParameter: allowOrigin };
  }
  if (include && input.allowCredentials !== 'true') {
    return { error: 'InvalidAllowCredentials', failedParameter: input.allowCredentials ?? '' };
  }
  return undefined;
}
