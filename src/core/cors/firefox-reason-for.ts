import type { CorsError, FirefoxReason } from './types';

// The Firefox console reason for the same failure (MDN, HTTP/Guides/CORS/Errors). Firefox has fewer, coarser
// reasons; where it has no match the closest one is chosen and the report lists it as unsure.
const REASON: Record<CorsError, FirefoxReason> = {
  DisallowedByMode: 'CORSDidNotSucceed',
  InvalidResponse: 'CORSDidNotSucceed',
  WildcardOriginNotAllowed: 'CORSNotSupportingCredentials',
  MissingAllowOriginHeader: 'CORSMissingAllowOrigin',
  MultipleAllowOriginValues: 'CORSMultipleAllowOriginNotAllowed',
  InvalidAllowOriginValue: 'CORSAllowOriginNotMatchingOrigin',
  AllowOriginMismatch: 'CORSAllowOriginNotMatchingOrigin',
  InvalidAllowCredentials: 'CORSMissingAllowCredentials',
  CorsDisabledScheme: 'CORSRequestNotHttp',
  PreflightInvalidStatus: 'CORSPreflightDidNotSucceed',
  PreflightDisallowedRedirect: 'CORSPreflightDidNotSucceed',
  PreflightWildcardOriginNotAllowed: 'CORSNotSupportingCredentials',
  PreflightMissingAllowOriginHeader: 'CORSMissingAllowOrigin',
  PreflightMultipleAllowOriginValues: 'CORSMultipleAllowOriginNotAllowed',
  PreflightInvalidAllowOriginValue: 'CORSAllowOriginNotMatchingOrigin',
  PreflightAllowOriginMismatch: 'CORSAllowOriginNotMatchingOrigin',
  PreflightInvalidAllowCredentials: 'CORSMissingAllowCredentials',
  PreflightMissingAllowExternal: 'CORSPreflightDidNotSucceed',
  PreflightInvalidAllowExternal: 'CORSPreflightDidNotSucceed',
  InvalidAllowMethodsPreflightResponse: 'CORSInvalidAllowMethod',
  InvalidAllowHeadersPreflightResponse: 'CORSInvalidAllowHeader',
  MethodDisallowedByPreflightResponse: 'CORSMethodNotFound',
  HeaderDisallowedByPreflightResponse: 'CORSMissingAllowHeaderFromPreflight',
  RedirectContainsCredentials: 'CORSExternalRedirectNotAllowed',
  // Firefox 153 refuses a local-network request with NS_ERROR_LOCAL_NETWORK_ACCESS_DENIED and logs "CORS request did
  // not succeed" (measured with network.lna.address_space.public.override).
  InsecureLocalNetwork: 'CORSDidNotSucceed',
  InvalidLocalNetworkAccess: 'CORSDidNotSucceed',
  NoCorsRedirectModeNotFollow: 'CORSDidNotSucceed',
  LocalNetworkAccessPermissionDenied: 'CORSDidNotSucceed',
};

export function firefoxReasonFor(error: CorsError): FirefoxReason {
  return REASON[error];
}

export const ALL_CORS_ERRORS = Object.keys(REASON) as CorsError[];
