import { authorRequestHeaders } from './author-request-headers';
import { authorizationWildcardNote } from './authorization-wildcard-note';
import { buildBlockedVerdict } from './build-blocked-verdict';
import { checkRedirectLocation } from './check-redirect-location';
import { corsCheck } from './cors-check';
import { corsPreflightCheck } from './cors-preflight-check';
import { corsUnsafeRequestHeaderNames } from './cors-unsafe-request-header-names';
import { basicResponseHeaderNames, exposedResponseHeaders } from './exposed-response-headers';
import { firefoxOutcome } from './firefox/firefox-outcome';
import { withFirefoxReason } from './firefox/with-firefox-reason';
import { getNormalizedHeader } from './get-normalized-header';
import { isCorsEnabledScheme } from './is-cors-enabled-scheme';
import { isLocalNetworkError, refusedByLocalNetworkAccess } from './is-local-network-error';
import { isPotentiallyTrustworthyOrigin } from './is-potentially-trustworthy-origin';
import { isSameOrigin, isSameOriginParsed } from './is-same-origin';
import { methodAfterRedirect, REQUEST_BODY_HEADER_NAMES } from './method-after-redirect';
import { needsPreflight } from './needs-preflight';
import { normalizeMethod } from './normalize-method';
import { parseUrl } from './parse-url';
import { redirectTaintsOrigin } from './redirect-taints-origin';
import type {
  CorsError,
  Exchange,
  ExchangeResponse,
  HeaderList,
  PreflightReason,
  Stage,
  Verdict,
} from './types';

// net::HttpResponseHeaders::IsRedirect: these statuses with a non-empty Location are followed.
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);
// Fetch §4.4 HTTP-redirect fetch step 7; Chromium: cors_url_loader.cc (redirect_count_ == 20).
const MAX_REDIRECTS = 20;
// Redirect targets //net refuses before CORS runs (URLRequestJobFactory::IsSafeRedirectTarget): the request
// fails with net::ERR_UNSAFE_REDIRECT and no corsErrorStatus.
const UNSAFE_REDIRECT_SCHEMES = new Set(['data', 'file', 'filesystem', 'blob', 'javascript', 'about']);

const ACTUAL: Stage = { kind: 'actual' };
const PREFLIGHT: Stage = { kind: 'preflight' };
const NO_REASONS: PreflightReason[] = [];

/**
 * Replays Fetch §4.1 main fetch → §4.4 HTTP-redirect fetch → §4.8 CORS-preflight fetch → §4.10 CORS check
 * over one observed exchange, the way Chromium's network service (services/network/cors/cors_url_loader.cc)
 * runs them, and says whether script could read the response and, if not, exactly what Chromium reports —
 * with the reason Firefox logs for the same exchange beside it (firefoxOutcome: Firefox's own checks).
 */
export function evaluate(exchange: Exchange): Verdict {
  return withFirefoxReason(evaluateInChromium(exchange), firefoxOutcome(exchange));
}

/** Chromium's decision alone (evaluate adds Firefox's reason beside it). */
export function evaluateInChromium(exchange: Exchange): Verdict {
  const { request, responses } = exchange;
  const mode = request.mode ?? 'cors';
  const pageOrigin = exchange.origin;
  const credentials = request.credentials;
  let method = normalizeMethod(request.method);
  let headers = authorRequestHeaders(request.headers);

  if (mode === 'navigate') {
    return notCors('A navigation is not subject to CORS; page script never reads its response.', [], 'basic');
  }
  if (mode === 'no-cors') return evaluateNoCors(exchange);

  let url = request.url;
  let corsFlag = false;
  let tainted = false;
  let preflightRequired = false;
  let preflightReasons = NO_REASONS;
  let preflightSeen = false;
  let preflightFromCache = false;
  let authorizationNote: string | undefined;

  // Declared once per call (not per hop): it reads the loop's current url, method, headers and taint.
  const fail = (
    error: CorsError,
    failedParameter: string,
    stage: Stage,
    extra: {
      header?: string;
      status?: number;
      location?: string;
      chromiumReportsCorsError?: boolean;
      responseHeaders?: HeaderList;
    } = {},
  ): Verdict => {
    const verdict = buildBlockedVerdict({
      error,
      failedParameter,
      stage,
      checkedOrigin: tainted ? 'null' : pageOrigin,
      pageOrigin,
      tainted,
      credentials,
      method,
      unsafeHeaderNames: corsUnsafeRequestHeaderNames(headers),
      responseHeaders: extra.responseHeaders ?? [],
      url,
      preflightRequired,
      preflightReasons,
      ...(extra.header === undefined ? {} : { header: extra.header }),
      ...(extra.status === undefined ? {} : { status: extra.status }),
      ...(extra.location === undefined ? {} : { location: extra.location }),
      ...(extra.chromiumReportsCorsError === undefined
        ? {}
        : { chromiumReportsCorsError: extra.chromiumReportsCorsError }),
    });
    // A request that failed later still relied on its preflight's `*` covering Authorization.
    if (authorizationNote !== undefined) {
      verdict.notes = [authorizationNote];
      verdict.wildcardAuthorization = true;
    }
    return verdict;
  };
  // Local Network Access refused the request before it reached the server (Chromium 156 names the error by
  // whether the page is a secure context: measured with --ip-address-space-overrides).
  const localNetwork = (stage: Stage): Verdict =>
    fail(
      isPotentiallyTrustworthyOrigin(pageOrigin)
        ? 'LocalNetworkAccessPermissionDenied'
        : 'InsecureLocalNetwork',
      '',
      stage,
    );

  for (let i = 0; ; i++) {
    // --- Fetch §4.1 main fetch / cors_url_loader.cc StartRequest, for the initial URL and each redirect target.
    const startStage: Stage = i === 0 ? ACTUAL : { kind: 'redirect', hop: i - 1 };
    const parsed = parseUrl(url);
    if (!corsFlag && parsed?.scheme !== 'data' && !isSameOriginParsed(pageOrigin, parsed)) corsFlag = true;
    const checkedOrigin = tainted ? 'null' : pageOrigin;

    if (corsFlag) {
      if (parsed === null || !isCorsEnabledScheme(parsed.scheme))
        return fail('CorsDisabledScheme', '', startStage);
      // Blink's fetch() refuses a cross-origin URL in same-origin mode before any request (no corsErrorStatus);
      // the network service names it only when a redirect leads cross-origin.
      if (mode === 'same-origin')
        return fail('DisallowedByMode', '', startStage, i === 0 ? { chromiumReportsCorsError: false } : {});
      const need = needsPreflight({ method, headers, useCorsPreflight: request.useCorsPreflight === true });
      if (need.required) {
        if (!preflightRequired) {
          preflightRequired = true;
          preflightReasons = need.reasons;
        }
        // Only one OPTIONS exchange is observed: it answers the first preflight. Chromium sends another one
        // after a redirect; we assume it passed (the actual request got through, or we cannot know).
        if (!preflightSeen) {
          preflightSeen = true;
          const preflight = exchange.preflight;
          if (preflight !== undefined) {
            const failure = corsPreflightCheck({
              status: preflight.status,
              headers: preflight.headers,
              ...(preflight.location === undefined ? {} : { location: preflight.location }),
              method,
              requestHeaders: headers,
              credentials,
              origin: checkedOrigin,
              responseIsHttp: parsed.scheme === 'http' || parsed.scheme === 'https',
              // Chromium 156 and Firefox 153 both still let `*` cover Authorization (measured): see the note.
              wildcardCoversAuthorization: true,
            });
            if (failure !== undefined) {
              const location = preflight.location ?? getNormalizedHeader(preflight.headers, 'location');
              const verdict = fail(failure.error, failure.failedParameter, PREFLIGHT, {
                ...(failure.header === undefined ? {} : { header: failure.header }),
                status: preflight.status,
                responseHeaders: preflight.headers,
                ...(location === undefined ? {} : { location }),
                ...(failure.chromiumReportsCorsError === undefined
                  ? {}
                  : { chromiumReportsCorsError: failure.chromiumReportsCorsError }),
              });
              const among = failure.disallowed ?? [];
              return request.headerOrderUnknown === true && among.length > 1
                ? withFailedParameterAmong(verdict, among)
                : verdict;
            }
            authorizationNote = authorizationWildcardNote(preflight.headers, headers, credentials);
          } else if (responses.length <= i) {
            if (i === 0 && refusedByLocalNetworkAccess(exchange.networkError, exchange.preflightNetworkError))
              return localNetwork(PREFLIGHT);
            return noResponse(
              'A preflight was required but got no response (network error), so the actual request was not sent.',
              PREFLIGHT,
              preflightRequired,
              preflightReasons,
            );
          } else {
            preflightFromCache = true;
            if (exchange.cachedPreflight !== undefined)
              authorizationNote = authorizationWildcardNote(
                exchange.cachedPreflight.headers,
                headers,
                credentials,
              );
          }
        }
      }
    }

    const response = responses[i];
    if (response === undefined) {
      if (i === 0 && corsFlag && isLocalNetworkError(exchange.networkError)) return localNetwork(startStage);
      return noResponse(
        i === 0
          ? 'The request got no response (a network error, or it is still pending); CORS was not the cause.'
          : 'The redirected request got no response (a network error, or it is still pending); CORS was not the cause.',
        startStage,
        preflightRequired,
        preflightReasons,
      );
    }

    const locationValue = redirectLocation(response, responses[i + 1]);
    const stage: Stage = locationValue === undefined ? ACTUAL : { kind: 'redirect', hop: i };

    // --- Fetch §4.10 CORS check on every response while the CORS flag is set (redirects included).
    if (corsFlag) {
      const failure = corsCheck({
        allowOrigin: getNormalizedHeader(response.headers, 'access-control-allow-origin'),
        allowCredentials: getNormalizedHeader(response.headers, 'access-control-allow-credentials'),
        credentials,
        origin: checkedOrigin,
        responseIsHttp: parsed?.scheme === 'http' || parsed?.scheme === 'https',
      });
      if (failure !== undefined) {
        return fail(failure.error, failure.failedParameter, stage, {
          status: response.status,
          responseHeaders: response.headers,
        });
      }
    }

    if (locationValue === undefined) {
      const exposedHeaders = corsFlag
        ? exposedResponseHeaders(response.headers, credentials)
        : basicResponseHeaderNames(response.headers);
      return {
        allowed: true,
        preflightRequired,
        preflightReasons,
        exposedHeaders,
        ...(authorizationNote === undefined
          ? {}
          : { notes: [authorizationNote], wildcardAuthorization: true as const }),
        stage: ACTUAL,
        explanation: allowedExplanation(
          corsFlag,
          tainted,
          preflightRequired,
          preflightFromCache,
          exposedHeaders,
        ),
        responseTainting: corsFlag ? 'cors' : 'basic',
        checkedOrigin,
      };
    }

    // --- Fetch §4.4 HTTP-redirect fetch.
    if (i >= MAX_REDIRECTS) {
      return noResponse(
        'Too many redirects (more than 20): net::ERR_TOO_MANY_REDIRECTS, not a CORS failure.',
        stage,
        preflightRequired,
        preflightReasons,
      );
    }
    const target = parseUrl(locationValue, url);
    if (target === null) {
      return noResponse(
        `The redirect's Location \`${locationValue}\` is not a valid URL: net::ERR_INVALID_REDIRECT, not a CORS failure.`,
        stage,
        preflightRequired,
        preflightReasons,
      );
    }
    const location = checkRedirectLocation({ location: target, mode, origin: pageOrigin, corsFlag, tainted });
    if (location !== undefined) {
      return fail(location.error, location.failedParameter, stage, {
        header: 'location',
        status: response.status,
        location: target.href,
        responseHeaders: response.headers,
      });
    }
    if (target.scheme !== 'http' && target.scheme !== 'https' && UNSAFE_REDIRECT_SCHEMES.has(target.scheme)) {
      // Fetch §4.4 step 6 makes any non-HTTP(S) location a network error; Chromium's //net refuses these
      // before the CORS layer sees them (net::ERR_UNSAFE_REDIRECT, no corsErrorStatus).
      return fail('CorsDisabledScheme', '', stage, {
        header: 'location',
        status: response.status,
        location: target.href,
        responseHeaders: response.headers,
        chromiumReportsCorsError: false,
      });
    }
    if (redirectTaintsOrigin(pageOrigin, url, target.href)) tainted = true;
    const nextMethod = methodAfterRedirect(method, response.status);
    if (nextMethod !== method) {
      headers = headers.filter(([name]) => !REQUEST_BODY_HEADER_NAMES.has(name));
      method = nextMethod;
    }
    url = target.href;
  }
}

/** The Location a response redirects to, or undefined when it is not a followed redirect. */
function redirectLocation(
  response: ExchangeResponse,
  next: ExchangeResponse | undefined,
): string | undefined {
  if (!REDIRECT_CODES.has(response.status)) return undefined;
  const location = firstHeader(response.headers, 'location');
  if (location !== undefined && location !== '') return location;
  // A hop recorded without its Location header: the next response's URL is where it went.
  return next?.url;
}

// Location is a non-coalescing header in //net: the first line counts.
function firstHeader(headers: HeaderList, lowerName: string): string | undefined {
  for (const [name, value] of headers) {
    if (name.length === lowerName.length && name.toLowerCase() === lowerName) return value.trim();
  }
  return undefined;
}

function evaluateNoCors(exchange: Exchange): Verdict {
  const refused = credentialedRedirect(exchange);
  if (refused !== undefined) return refused;
  // Fetch §4.1 main fetch: mode no-cors never sets the CORS flag; a cross-origin response is opaque.
  const urls = [exchange.request.url, ...exchange.responses.map((r) => r.url)];
  const sameOrigin = urls.every((u) => isSameOrigin(exchange.origin, u));
  const final = exchange.responses[exchange.responses.length - 1];
  if (sameOrigin && final !== undefined) {
    return notCors(
      'A same-origin no-cors request: CORS does not apply.',
      basicResponseHeaderNames(final.headers),
      'basic',
    );
  }
  return notCors(
    'The request used mode `no-cors`: the browser applies no CORS check and gives script an opaque response (status 0, no headers, no body). This is not a CORS failure; use mode `cors` and CORS headers on the server to read the response.',
    [],
    'opaque',
  );
}

/**
 * Blink's fetch() (FetchManager::Loader::WillFollowRedirect) refuses to follow any redirect to a cross-origin URL
 * carrying user:pass, whatever the mode: the request fails as net::ERR_ABORTED with no corsErrorStatus. In cors
 * mode the network service names it first (checkRedirectLocation); this covers no-cors.
 */
function credentialedRedirect(exchange: Exchange): Verdict | undefined {
  const { responses } = exchange;
  for (let i = 0; i < responses.length; i++) {
    const response = responses[i] as ExchangeResponse;
    const location = redirectLocation(response, responses[i + 1]);
    if (location === undefined) return undefined;
    const target = parseUrl(location, response.url);
    if (target === null) return undefined;
    if (!target.hasCredentials || target.origin === exchange.origin) continue;
    return buildBlockedVerdict({
      error: 'RedirectContainsCredentials',
      failedParameter: '',
      stage: { kind: 'redirect', hop: i },
      checkedOrigin: exchange.origin,
      pageOrigin: exchange.origin,
      tainted: false,
      credentials: exchange.request.credentials,
      method: normalizeMethod(exchange.request.method),
      unsafeHeaderNames: [],
      responseHeaders: response.headers,
      url: response.url,
      preflightRequired: false,
      preflightReasons: NO_REASONS,
      header: 'location',
      status: response.status,
      location: target.href,
      chromiumReportsCorsError: false,
    });
  }
  return undefined;
}

function notCors(
  explanation: string,
  exposedHeaders: string[],
  responseTainting: 'basic' | 'opaque',
): Verdict {
  return {
    allowed: true,
    preflightRequired: false,
    preflightReasons: NO_REASONS,
    exposedHeaders,
    explanation,
    responseTainting,
  };
}

function noResponse(
  explanation: string,
  stage: Stage,
  preflightRequired: boolean,
  preflightReasons: PreflightReason[],
): Verdict {
  return { allowed: false, preflightRequired, preflightReasons, exposedHeaders: [], stage, explanation };
}

function allowedExplanation(
  corsFlag: boolean,
  tainted: boolean,
  preflightRequired: boolean,
  preflightFromCache: boolean,
  exposed: string[],
): string {
  if (!corsFlag)
    return 'A same-origin request: CORS does not apply, and script can read every header except Set-Cookie.';
  const preflight = !preflightRequired
    ? ''
    : preflightFromCache
      ? ' The preflight was answered from the browser’s preflight cache.'
      : ' The preflight passed.';
  const origin = tainted ? ' (checked against origin `null` after a cross-origin redirect)' : '';
  return `The response passed the CORS check${origin}.${preflight} Script can read ${exposed.length === 0 ? 'no response headers' : `these response headers: ${exposed.join(', ')}`}.`;
}

/**
 * Several headers are not allowed and the request was never sent: which one Chromium names depends on an order only
 * it knows (ExchangeRequest.headerOrderUnknown). The verdict says so and lists them all; all must be allowed anyway.
 */
function withFailedParameterAmong(verdict: Verdict, among: string[]): Verdict {
  const list = among.map((name) => `\`${name}\``).join(', ');
  return {
    ...verdict,
    failedParameterAmong: among,
    notes: [
      ...(verdict.notes ?? []),
      `None of ${list} is allowed. The request was never sent, so which of them Chromium names in its error depends on the order it keeps the request's headers in, which CORS Lens cannot see.`,
    ],
  };
}
