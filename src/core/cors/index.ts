// CORS Lens's CORS verdict engine: the Fetch standard's CORS algorithms as Chromium 156 runs them.
// Pure TypeScript: no browser or Node APIs beyond the URL global.
export { type AddressSpace, addressSpaceOfHost } from './address-space-of-host';
export { authorRequestHeaders } from './author-request-headers';
export {
  type CachedPreflightInput,
  cachedPreflightNotice,
  MAX_AGE_CAP_SECONDS,
  preflightCacheSeconds,
} from './cached-preflight-notice';
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
export { evaluateObserved, type VerdictBrowser } from './evaluate-observed';
export { explainCorsError } from './explain-cors-error';
export { basicResponseHeaderNames, exposedResponseHeaders } from './exposed-response-headers';
export type { FailureContext } from './failure-context';
export { type FailureHeadline, failureHeadline, type HeadlineInput } from './failure-headline';
export { type FailureKind, type FailureKindId, type FailureObservation, failureKind } from './failure-kind';
export {
  FAILURE_KIND_IDS,
  FAILURE_KIND_LABELS,
  failureKindShort,
  isFailureKindId,
} from './failure-kind-labels';
export { evaluateInFirefox } from './firefox/evaluate-in-firefox';
export { firefoxNeedsPreflight } from './firefox/firefox-needs-preflight';
export { type FirefoxOutcome, firefoxOutcome } from './firefox/firefox-outcome';
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
export {
  isLocalNetworkCorsError,
  isLocalNetworkError,
  refusedByLocalNetworkAccess,
} from './is-local-network-error';
export { isPotentiallyTrustworthyOrigin } from './is-potentially-trustworthy-origin';
export { isSameOrigin } from './is-same-origin';
export { isSimpleRangeHeaderValue } from './is-simple-range-header-value';
export { type LocalNetworkAdvice, localNetworkAdvice } from './local-network-advice';
export { ALL_CORS_ERRORS, mdnPageFor } from './mdn-page-for';
export { mdnUrlFor } from './mdn-url-for';
export { methodAfterRedirect } from './method-after-redirect';
export { needsPreflight } from './needs-preflight';
export { normalizeMethod } from './normalize-method';
export { type NotSentCause, networkErrorHint, notSentCause } from './not-sent-cause';
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
  FirefoxReasonLogged,
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
