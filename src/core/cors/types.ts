// The CORS engine's vocabulary. Names follow the Fetch standard and Chromium's network service
// (services/network/public/mojom/cors.mojom, DevTools protocol Network.CorsError).

/** Headers as on the wire: repeated names allowed, original case kept. */
export type HeaderList = [name: string, value: string][];

export type CredentialsMode = 'omit' | 'same-origin' | 'include';
export type RequestMode = 'cors' | 'no-cors' | 'same-origin' | 'navigate';

export interface ExchangeRequest {
  url: string;
  method: string;
  /** Author headers: what the page's script set. */
  headers: HeaderList;
  credentials: CredentialsMode;
  /** Defaults to 'cors'. */
  mode?: RequestMode;
  /**
   * Fetch's use-CORS-preflight flag: a preflight is sent whatever the method and headers (XMLHttpRequest sets it when
   * an upload listener was registered before send()).
   */
  useCorsPreflight?: boolean;
  /**
   * The request was never sent (its preflight failed): `headers` are the names its preflight asked for, in the sorted
   * order of Access-Control-Request-Headers. The order Chromium checks them in is its own (Blink keeps request
   * headers in a hash map, measured: the same set is checked in the same order whatever order the script set them
   * in), so which one it names when several are not allowed cannot be known.
   */
  headerOrderUnknown?: boolean;
}

export interface ExchangeResponse {
  url: string;
  status: number;
  headers: HeaderList;
}

export interface Exchange {
  /** The page's origin, e.g. "http://localhost:5173", or "null" for an opaque origin. */
  origin: string;
  request: ExchangeRequest;
  /** The OPTIONS response, when one was sent. */
  preflight?: { status: number; headers: HeaderList; location?: string };
  /** Redirect hops first (3xx with a location header), final response last; empty when never sent. */
  responses: ExchangeResponse[];
  /** What the browser reported when the request got no response (webRequest onErrorOccurred), e.g. net::ERR_FAILED. */
  networkError?: string;
  /** The same for a preflight that was sent and got no response. */
  preflightNetworkError?: string;
  /**
   * The earlier preflight response whose cached result let this request go without one (Fetch §4.8 CORS-preflight
   * cache), when it was seen.
   */
  cachedPreflight?: { headers: HeaderList };
}

/**
 * Chromium's CorsError names, as CDP reports them in Network.loadingFailed.corsErrorStatus.corsError: the enum of
 * Chromium 156's protocol (read from its /json/protocol). The Private Network Access names are gone: Local Network
 * Access replaced them (InsecureLocalNetwork, InvalidLocalNetworkAccess, LocalNetworkAccessPermissionDenied).
 */
export type CorsError =
  | 'DisallowedByMode'
  | 'InvalidResponse'
  | 'WildcardOriginNotAllowed'
  | 'MissingAllowOriginHeader'
  | 'MultipleAllowOriginValues'
  | 'InvalidAllowOriginValue'
  | 'AllowOriginMismatch'
  | 'InvalidAllowCredentials'
  | 'CorsDisabledScheme'
  | 'PreflightInvalidStatus'
  | 'PreflightDisallowedRedirect'
  | 'PreflightWildcardOriginNotAllowed'
  | 'PreflightMissingAllowOriginHeader'
  | 'PreflightMultipleAllowOriginValues'
  | 'PreflightInvalidAllowOriginValue'
  | 'PreflightAllowOriginMismatch'
  | 'PreflightInvalidAllowCredentials'
  | 'PreflightMissingAllowExternal'
  | 'PreflightInvalidAllowExternal'
  | 'InvalidAllowMethodsPreflightResponse'
  | 'InvalidAllowHeadersPreflightResponse'
  | 'MethodDisallowedByPreflightResponse'
  | 'HeaderDisallowedByPreflightResponse'
  | 'RedirectContainsCredentials'
  | 'InsecureLocalNetwork'
  | 'InvalidLocalNetworkAccess'
  | 'NoCorsRedirectModeNotFollow'
  | 'LocalNetworkAccessPermissionDenied';

/** The five CORS-check failures (Fetch §4.10 CORS check), before Chromium maps them to Preflight* names. */
export type AccessCheckError =
  | 'WildcardOriginNotAllowed'
  | 'MissingAllowOriginHeader'
  | 'MultipleAllowOriginValues'
  | 'InvalidAllowOriginValue'
  | 'AllowOriginMismatch'
  | 'InvalidAllowCredentials';

/** Firefox console "Reason:" names (MDN, HTTP/Guides/CORS/Errors). */
export type FirefoxReason =
  | 'CORSDisabled'
  | 'CORSDidNotSucceed'
  | 'CORSRequestNotHttp'
  | 'CORSMissingAllowOrigin'
  | 'CORSAllowOriginNotMatchingOrigin'
  | 'CORSNotSupportingCredentials'
  | 'CORSMethodNotFound'
  | 'CORSMissingAllowCredentials'
  | 'CORSPreflightDidNotSucceed'
  | 'CORSInvalidAllowMethod'
  | 'CORSInvalidAllowHeader'
  | 'CORSMissingAllowHeaderFromPreflight'
  | 'CORSMultipleAllowOriginNotAllowed'
  | 'CORSOriginHeaderNotAdded'
  | 'CORSExternalRedirectNotAllowed';

/** A reason as Firefox logs it: the name and the value it quotes, if any. */
export interface FirefoxReasonLogged {
  reason: FirefoxReason;
  detail?: string;
}

/** Why a request header is not CORS-safelisted (Fetch §2.2.2 CORS-safelisted request-header). */
export type UnsafeHeaderReason =
  | 'not-safelisted-name'
  | 'value-too-long'
  | 'unsafe-byte'
  | 'content-type-essence'
  | 'language-byte'
  | 'range-not-simple'
  | 'client-hint-value'
  | 'total-size-over-1024';

export type SafelistCheck = { safelisted: true } | { safelisted: false; reason: UnsafeHeaderReason };

export interface UnsafeRequestHeader {
  /** Lower-case name. */
  name: string;
  reason: UnsafeHeaderReason;
}

export type PreflightReason =
  | { kind: 'method'; method: string }
  | { kind: 'header'; name: string; reason: UnsafeHeaderReason }
  /** XMLHttpRequest with an upload listener registered before send() (Fetch's use-CORS-preflight flag). */
  | { kind: 'upload-listener' };

export interface PreflightNeed {
  required: boolean;
  reasons: PreflightReason[];
}

export type Stage = { kind: 'preflight' } | { kind: 'actual' } | { kind: 'redirect'; hop: number };
export type StageKind = Stage['kind'];

export interface ServerFix {
  stage: StageKind;
  /** e.g. 'Answer the OPTIONS preflight with 204 (any 2xx)'. */
  status?: string;
  /** Headers to send, as [name, value]. */
  headers: [name: string, value: string][];
  note?: string;
}

/** A failed check: Chromium's error and what it reports as failedParameter ('' when nothing). */
export interface CorsFailure<E extends string = CorsError> {
  error: E;
  failedParameter: string;
}

export type ResponseTainting = 'basic' | 'cors' | 'opaque';

export interface Verdict {
  allowed: boolean;
  /** Would the browser send a CORS preflight for this request? */
  preflightRequired: boolean;
  /** Why a preflight is required (empty when it is not). */
  preflightReasons: PreflightReason[];
  /** When blocked by CORS: Chromium's CorsError name. */
  corsError?: CorsError;
  /** Exactly what Chromium reports with corsError ('' when Chromium reports nothing). */
  failedParameter?: string;
  /**
   * Set when Chromium reports one of several values and which one cannot be known (see
   * ExchangeRequest.headerOrderUnknown): all of them, `failedParameter` being the first.
   */
  failedParameterAmong?: string[];
  /**
   * False when Chromium fails this request without a corsErrorStatus (e.g. a redirected preflight shows as
   * net::ERR_INVALID_REDIRECT). Absent means "reported as corsError".
   */
  chromiumReportsCorsError?: boolean;
  /** When allowed: lower-case names of the response headers page script can read (sorted, unique). */
  exposedHeaders: string[];
  stage?: Stage;
  /** When blocked: the status of the response the failure is about (absent when there was none). */
  status?: number;
  /** The offending header name, lower-case. */
  header?: string;
  explanation: string;
  /** The reason Firefox logs in its console when it refuses this exchange (its own checks, in its own order). */
  firefoxReason?: FirefoxReason;
  /**
   * The value Firefox quotes in that reason: the Access-Control-Allow-Origin value that does not match, the invalid
   * token in Access-Control-Allow-Methods/-Headers, or the request header the preflight did not allow.
   */
  firefoxDetail?: string;
  /**
   * Set when what the browser showed fits two of Firefox's checks, so that Firefox may have logged either: the other
   * reason (e.g. two Access-Control-Allow-Origin lines, which Firefox's webRequest shows joined into one line).
   */
  firefoxAlternative?: FirefoxReasonLogged;
  fix?: ServerFix;
  mdn?: string;
  /** The response type script sees when allowed. */
  responseTainting?: ResponseTainting;
  /** The serialized origin the CORS checks compared against ("null" once tainted by a redirect). */
  checkedOrigin?: string;
  /** What a developer should know although this browser decided as it did, e.g. another browser blocks it. */
  notes?: string[];
  /** The request relies on `*` in Access-Control-Allow-Headers covering Authorization (a note says why it should not). */
  wildcardAuthorization?: true;
  /**
   * Set when the request's credentials mode is unknown and decides the outcome: this verdict is the one without
   * credentials, `ifCredentialed` the one with them (e.g. `Access-Control-Allow-Origin: *`).
   */
  ifCredentialed?: Verdict;
  /**
   * Response headers the page's script read that the response carries but does not expose: the script got null
   * (set on an allowed exchange when the hook in the page saw the reads).
   */
  hiddenReads?: string[];
}
