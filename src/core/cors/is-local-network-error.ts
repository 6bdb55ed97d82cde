import type { CorsError } from './types';

/**
 * The errors a browser reports through webRequest onErrorOccurred when Local Network Access refused a request
 * (measured: Chromium 156 net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS for a request sent without preflight;
 * Firefox ESR 153 NS_ERROR_LOCAL_NETWORK_ACCESS_DENIED on both the preflight and the request).
 */
const LOCAL_NETWORK_ERRORS = new Set([
  'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS',
  'NS_ERROR_LOCAL_NETWORK_ACCESS_DENIED',
]);

/** Chromium's names for a Local Network Access refusal. */
const LOCAL_NETWORK_CORS_ERRORS = new Set<CorsError>([
  'LocalNetworkAccessPermissionDenied',
  'InsecureLocalNetwork',
  'InvalidLocalNetworkAccess',
]);

export function isLocalNetworkCorsError(error: CorsError | undefined): boolean {
  return error !== undefined && LOCAL_NETWORK_CORS_ERRORS.has(error);
}

export function isLocalNetworkError(error: string | undefined): boolean {
  return error !== undefined && LOCAL_NETWORK_ERRORS.has(error);
}

/**
 * Did Local Network Access refuse this exchange? Besides the errors above, Chromium 156 reports a preflight it
 * refused for Local Network Access as net::ERR_FAILED with no response, and the request then fails with
 * net::ERR_FAILED too; a network error on the preflight (DNS, connection) instead reaches the request as that error
 * (measured: net::ERR_NAME_NOT_RESOLVED), so both failing with ERR_FAILED and no response means the CORS layer
 * refused the preflight before the network, which only Local Network Access does.
 */
export function refusedByLocalNetworkAccess(networkError?: string, preflightNetworkError?: string): boolean {
  if (isLocalNetworkError(networkError) || isLocalNetworkError(preflightNetworkError)) return true;
  return preflightNetworkError === 'net::ERR_FAILED' && networkError === 'net::ERR_FAILED';
}
