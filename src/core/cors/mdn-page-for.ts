import type { CorsError, FirefoxReason } from './types';

// MDN documents CORS failures on one page per Firefox console reason (HTTP/Guides/CORS/Errors): the page that
// explains each Chromium error. This only picks documentation; what Firefox itself logs for an exchange comes from
// its own checks (firefox/firefox-outcome.ts).
const PAGE: Record<CorsError, FirefoxReason> = {
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
  InsecureLocalNetwork: 'CORSDidNotSucceed',
  InvalidLocalNetworkAccess: 'CORSDidNotSucceed',
  NoCorsRedirectModeNotFollow: 'CORSDidNotSucceed',
  LocalNetworkAccessPermissionDenied: 'CORSDidNotSucceed',
};

export function mdnPageFor(error: CorsError): FirefoxReason {
  return PAGE[error];
}

export const ALL_CORS_ERRORS = Object.keys(PAGE) as CorsError[];
