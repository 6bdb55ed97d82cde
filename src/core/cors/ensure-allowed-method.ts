import { isCorsSafelistedMethod } from './is-cors-safelisted-method';
import type { CorsFailure } from './types';

/**
 * Fetch §4.8 CORS-preflight fetch, method step; Chromium: preflight_result.cc EnsureAllowedCrossOriginMethod
 * with acam_preflight_spec_conformant = true (the default of the AccessControlAllowMethodsInCORSPreflight-
 * SpecConformant feature and enterprise policy). The request method is compared byte for byte with the ACAM
 * entries — `patch` is not matched by `PATCH` — while a safelisted method always passes. `*` counts only when
 * credentials mode is not include. failedParameter is the request method as sent.
 */
export function ensureAllowedMethod(
  method: string,
  allowMethods: readonly string[],
  credentialsInclude: boolean,
): CorsFailure | undefined {
  if (allowMethods.includes(method) || isCorsSafelistedMethod(method)) return undefined;
  if (!credentialsInclude && allowMethods.includes('*')) return undefined;
  return { error: 'MethodDisallowedByPreflightResponse', failedParameter: method };
}
