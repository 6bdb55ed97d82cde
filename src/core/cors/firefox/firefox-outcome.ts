import { authorRequestHeaders } from '../author-request-headers';
import { checkRedirectLocation } from '../check-redirect-location';
import { isCorsEnabledScheme } from '../is-cors-enabled-scheme';
import { isLocalNetworkError, refusedByLocalNetworkAccess } from '../is-local-network-error';
import { isPotentiallyTrustworthyOrigin } from '../is-potentially-trustworthy-origin';
import { isSameOriginParsed, isSameOriginUrls } from '../is-same-origin';
import { methodAfterRedirect, REQUEST_BODY_HEADER_NAMES } from '../method-after-redirect';
import { normalizeMethod } from '../normalize-method';
import { parseUrl } from '../parse-url';
import type { CorsError, Exchange, ExchangeResponse, HeaderList, PreflightReason, Stage } from '../types';
import { firefoxAccessCheck } from './firefox-access-check';
import { firefoxNeedsPreflight } from './firefox-needs-preflight';
import { firefoxPreflightCheck } from './firefox-preflight-check';
import type { FirefoxCheckFailure, FirefoxRefusal } from './firefox-refusal';

/** What the CORS checks decided, with what a verdict needs to explain it. */
interface Judged {
  preflightRequired: boolean;
  preflightReasons: PreflightReason[];
  /** The origin the checks compared against ("null" once a redirect tainted it). */
  checkedOrigin: string;
  tainted: boolean;
  /** The method and author headers as last sent (a redirect may change them). */
  method: string;
  headers: HeaderList;
  url: string;
}

/**
 * Firefox's decision on an exchange:
 * - `allowed`: script may read the final response;
 * - `refused`: a CORS check failed, and Firefox logs `refusal.reason` in the console;
 * - `not-cors`: CORS does not decide it (no-cors, navigations, same-origin requests, a request refused before it was
 *   sent for its mode);
 * - `no-response`: the request got no response; Firefox logs "CORS request did not succeed" for a network error
 *   (`networkError`).
 */
export type FirefoxOutcome =
  | ({ kind: 'allowed' } & Judged)
  | ({ kind: 'refused'; refusal: FirefoxRefusal } & Judged)
  | { kind: 'not-cors' }
  | ({ kind: 'no-response'; networkError?: string } & Judged);

// nsHttpChannel follows these statuses when they come with a Location; at most 20 in a row
// (network.http.redirection-limit).
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
const NO_REASONS: PreflightReason[] = [];

/**
 * Replays an observed exchange the way Firefox's nsCORSListenerProxy (netwerk/protocol/http/nsCORSListenerProxy.cpp)
 * runs it: the preflight decision (CheckPreflightNeeded), the preflight checks (firefoxPreflightCheck), the CORS check
 * on every response, redirects included (CheckRequestApproved from AsyncOnChannelRedirect and OnStartRequest), and
 * the redirect rules of UpdateChannel. Where the evaluation cannot see what Firefox saw (a second preflight after a
 * redirect, a preflight answered from Firefox's cache) it assumes the preflight passed, as evaluate() does.
 */
export function firefoxOutcome(exchange: Exchange): FirefoxOutcome {
  const { request, responses } = exchange;
  const mode = request.mode ?? 'cors';
  // Only CORS-mode loads get an nsCORSListenerProxy (no-cors ones are opaque; a same-origin-mode fetch() to another
  // origin fails before any request): the Chromium verdict explains the others.
  if (mode !== 'cors') return { kind: 'not-cors' };
  const pageOrigin = exchange.origin;
  const credentials = request.credentials;
  const judged: Judged = {
    preflightRequired: false,
    preflightReasons: NO_REASONS,
    checkedOrigin: pageOrigin,
    tainted: false,
    method: normalizeMethod(request.method),
    headers: authorRequestHeaders(request.headers),
    url: request.url,
  };
  let crossSite = false;
  let preflightSeen = false;
  const refuse = (
    failure: FirefoxCheckFailure,
    at: Omit<FirefoxRefusal, keyof FirefoxCheckFailure>,
  ): FirefoxOutcome => ({
    kind: 'refused',
    refusal: { ...failure, ...at },
    ...judged,
  });
  const didNotSucceed = (
    chromium: CorsError,
    stage: Stage,
    url: string,
    extra: Partial<FirefoxRefusal> = {},
  ) =>
    refuse(
      { reason: 'CORSDidNotSucceed', chromium: { error: chromium, failedParameter: '' } },
      { stage, url, responseHeaders: [], ...extra },
    );
  // Firefox 153 refuses a Local Network Access request with NS_ERROR_LOCAL_NETWORK_ACCESS_DENIED and logs "CORS
  // request did not succeed" (measured with network.lna.address_space.public.override).
  const localNetwork = (stage: Stage) =>
    didNotSucceed(
      isPotentiallyTrustworthyOrigin(pageOrigin)
        ? 'LocalNetworkAccessPermissionDenied'
        : 'InsecureLocalNetwork',
      stage,
      judged.url,
    );

  for (let i = 0; ; i++) {
    const startStage: Stage = i === 0 ? { kind: 'actual' } : { kind: 'redirect', hop: i - 1 };
    const parsed = parseUrl(judged.url);
    // mHasBeenCrossSite: once the request has gone cross-origin it stays a CORS request.
    if (!crossSite && parsed?.scheme !== 'data' && !isSameOriginParsed(pageOrigin, parsed)) crossSite = true;
    if (crossSite) {
      if (parsed === null || !isCorsEnabledScheme(parsed.scheme))
        return i === 0
          ? refuse(
              {
                reason: 'CORSRequestNotHttp',
                chromium: { error: 'CorsDisabledScheme', failedParameter: '' },
              },
              { stage: startStage, url: judged.url, responseHeaders: [] },
            )
          : didNotSucceed('CorsDisabledScheme', startStage, judged.url);
      const need = firefoxNeedsPreflight({
        method: judged.method,
        headers: judged.headers,
        useCorsPreflight: request.useCorsPreflight === true,
      });
      if (need.required && !judged.preflightRequired) {
        judged.preflightRequired = true;
        judged.preflightReasons = need.reasons;
      }
      // The one OPTIONS exchange observed answers the first preflight; a later one (after a redirect) is assumed to
      // have passed when the request went on.
      if (need.required && !preflightSeen) {
        preflightSeen = true;
        const preflight = exchange.preflight;
        if (preflight !== undefined) {
          const failure = firefoxPreflightCheck({
            status: preflight.status,
            headers: preflight.headers,
            ...(preflight.location === undefined ? {} : { location: preflight.location }),
            method: judged.method,
            unsafeHeaderNames: need.unsafeHeaderNames,
            credentials,
            origin: judged.checkedOrigin,
          });
          if (failure !== undefined)
            return refuse(failure, {
              stage: { kind: 'preflight' },
              status: preflight.status,
              url: judged.url,
              responseHeaders: preflight.headers,
              ...(preflight.location === undefined ? {} : { location: preflight.location }),
            });
        } else if (responses.length <= i) {
          if (i === 0 && refusedByLocalNetworkAccess(exchange.networkError, exchange.preflightNetworkError))
            return localNetwork({ kind: 'preflight' });
          return noResponse(judged, exchange.preflightNetworkError ?? exchange.networkError);
        }
      }
    }

    const response = responses[i];
    if (response === undefined) {
      if (i === 0 && crossSite && isLocalNetworkError(exchange.networkError)) return localNetwork(startStage);
      return crossSite ? noResponse(judged, exchange.networkError) : { kind: 'not-cors' };
    }
    const location = redirectLocation(response, responses[i + 1]);
    const stage: Stage = location === undefined ? { kind: 'actual' } : { kind: 'redirect', hop: i };
    if (crossSite) {
      const failure = firefoxAccessCheck({
        headers: response.headers,
        credentials,
        origin: judged.checkedOrigin,
      });
      if (failure !== undefined)
        return refuse(failure, {
          stage,
          status: response.status,
          url: response.url,
          responseHeaders: response.headers,
        });
    }
    if (location === undefined) return crossSite ? { kind: 'allowed', ...judged } : { kind: 'not-cors' };

    // A redirect: UpdateChannel for the new URL. Its refusals are not logged as such; the request then fails and
    // Firefox logs "CORS request did not succeed" for the URL that redirected (measured).
    const target = parseUrl(location, judged.url);
    // Past the limit the request fails (NS_ERROR_REDIRECT_LOOP) and Firefox logs "did not succeed" (measured). The
    // record then holds the last redirect as its response, so no network error reaches the exchange: it is implied.
    if (i >= MAX_REDIRECTS) return noResponse(judged, exchange.networkError ?? 'NS_ERROR_REDIRECT_LOOP');
    if (target === null) return noResponse(judged, undefined);
    const failed = (chromium: CorsError) =>
      didNotSucceed(chromium, stage, response.url, {
        status: response.status,
        responseHeaders: response.headers,
        location: target.href,
        header: 'location',
      });
    if (target.scheme !== 'http' && target.scheme !== 'https') return failed('CorsDisabledScheme');
    const targetCrossSite = crossSite || !isSameOriginParsed(pageOrigin, target);
    if (
      checkRedirectLocation({
        location: target,
        mode,
        origin: pageOrigin,
        corsFlag: targetCrossSite,
        tainted: judged.tainted,
      }) !== undefined
    )
      return failed('RedirectContainsCredentials');
    // Once cross-site, a redirect to another origin makes the origin a unique (null) one.
    if (crossSite && !isSameOriginUrls(judged.url, target.href)) {
      judged.tainted = true;
      judged.checkedOrigin = 'null';
    }
    const method = methodAfterRedirect(judged.method, response.status);
    if (method !== judged.method) {
      judged.headers = judged.headers.filter(([name]) => !REQUEST_BODY_HEADER_NAMES.has(name.toLowerCase()));
      judged.method = method;
    }
    judged.url = target.href;
  }
}

function noResponse(judged: Judged, networkError: string | undefined): FirefoxOutcome {
  return { kind: 'no-response', ...judged, ...(networkError === undefined ? {} : { networkError }) };
}

/** The Location a response redirects to, or undefined when it is not a followed redirect. */
function redirectLocation(
  response: ExchangeResponse,
  next: ExchangeResponse | undefined,
): string | undefined {
  if (!REDIRECT_CODES.has(response.status)) return undefined;
  for (const [name, value] of response.headers) {
    if (name.toLowerCase() === 'location' && value.trim() !== '') return value.trim();
  }
  // A hop recorded without its Location header: the next response's URL is where it went.
  return next?.url;
}
