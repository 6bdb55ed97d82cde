// CORS Lens's CORS verdict engine: the Fetch standard's CORS algorithms as Chromium 156 runs them.
// Pure TypeScript: no browser or Node APIs beyond the URL global.
export { authorRequestHeaders } from './author-request-headers';
export {
  checkCorsSafelistedRequestHeader,
  SAFELISTED_VALUE_MAX,
} from './check-cors-safelisted-request-header';
export { checkRedirectLocation, type RedirectLocationInput } from './check-redirect-location';
export { type CorsCheckInput, corsCheck } from './cors-check';
export { corsPreflightCheck, type PreflightCheckInput, type PreflightFailure } from './cors-preflight-check';
export { corsUnsafeRequestHeaderNames } from './cors-unsafe-request-header-names';
export {
  corsUnsafeNotForbiddenRequestHeaders,
  corsUnsafeRequestHeaders,
  SAFELISTED_TOTAL_MAX,
} from './cors-unsafe-request-headers';
export { ensureAllowedHeaders } from './ensure-allowed-headers';
export { ensureAllowedMethod } from './ensure-allowed-method';
export { evaluate } from './evaluate';
export { evaluateObserved } from './evaluate-observed';
export { explainCorsError } from './explain-cors-error';
export { basicResponseHeaderNames, exposedResponseHeaders } from './exposed-response-headers';
export type { FailureContext } from './failure-context';
export { ALL_CORS_ERRORS, firefoxReasonFor } from './firefox-reason-for';
export { getNormalizedHeader } from './get-normalized-header';
export { isCorsEnabledScheme } from './is-cors-enabled-scheme';
export { isCorsSafelistedContentType } from './is-cors-safelisted-content-type';
export { isCorsSafelistedMethod } from './is-cors-safelisted-method';
export { isCorsSafelistedRequestHeader } from './is-cors-safelisted-request-header';
export { isCorsSafelistedResponseHeaderName } from './is-cors-safelisted-response-header-name';
export { isCorsUnsafeRequestHeaderByte } from './is-cors-unsafe-request-header-byte';
export { isForbiddenRequestHeader } from './is-forbidden-request-header';
export { isForbiddenResponseHeaderName } from './is-forbidden-response-header-name';
export { isHttpToken } from './is-http-token';
export { isSameOrigin } from './is-same-origin';
export { isSimpleRangeHeaderValue } from './is-simple-range-header-value';
export { mdnUrlFor } from './mdn-url-for';
export { methodAfterRedirect } from './method-after-redirect';
export { needsPreflight } from './needs-preflight';
export { normalizeMethod } from './normalize-method';
export { parseAllowHeaders } from './parse-allow-headers';
export { parseAllowMethods } from './parse-allow-methods';
export { parseExposeHeaders } from './parse-expose-headers';
export { redirectTaintsOrigin } from './redirect-taints-origin';
export { serverFixFor } from './server-fix-for';
export { toPreflightError } from './to-preflight-error';
export type {
  AccessCheckError,
  CorsError,
  CorsFailure,
  CredentialsMode,
  Exchange,
  ExchangeRequest,
  ExchangeResponse,
  FirefoxReason,
  HeaderList,
  PreflightNeed,
  PreflightReason,
  RequestMode,
  ResponseTainting,
  SafelistCheck,
  ServerFix,
  Stage,
  StageKind,
  UnsafeHeaderReason,
  UnsafeRequestHeader,
  Verdict,
} from './types';
