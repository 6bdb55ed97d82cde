import { httpOriginOf } from './http-origin-of';
import { preflightFixableByHeaders } from './preflight-fixable-by-headers';

/** One cross-origin request of a tab, as the log saw it (the background maps log entries to this). */
export interface ObservedRequest {
  url: string;
  method: string;
  /** The request headers the page set (names, any case). */
  requestHeaders: string[];
  /**
   * 'include': it carried cookies; 'omit': it was sent without (uncredentialed, or credentialed with no cookie to
   * send: webRequest cannot tell); 'unknown': it was never sent (a failed preflight stops it, and preflights never
   * carry cookies).
   */
  credentials: 'include' | 'omit' | 'unknown';
  /** The browser refused the response to the page. */
  blocked: boolean;
  /** Status of the preflight's response, when there was one. */
  preflightStatus?: number;
}

/** A target the tab called: what the popup lists, with what a one-click rule for it should allow. */
export interface ObservedTarget {
  /** Serialized origin of the target. */
  origin: string;
  requests: number;
  blocked: number;
  /** Methods and header names seen (header names lower-case), in first-seen order. */
  methods: string[];
  requestHeaders: string[];
  /**
   * Whether a one-click rule allows credentials: always. The log cannot tell a credentialed request that had no
   * cookie to send from an uncredentialed one (a request stopped at its preflight shows no cookies at all, and
   * Firefox reports the actual request's headers, cookie-less, before its preflight). Allowing credentials costs
   * nothing for uncredentialed requests (Access-Control-Allow-Credentials is ignored for them, ACAO stays the exact
   * page origin, lists stay explicit) and is what a credentialed one needs: without it the one-click rule would
   * leave the most common blocked request (a credentialed JSON PUT) blocked.
   */
  credentials: true;
  /** No request showed cookies, so `credentials` is a precaution rather than an observation: the popup says so. */
  credentialsAssumed: boolean;
  /**
   * Set when a blocked request's preflight was answered with a non-2xx status: an override cannot fix that
   * (preflightStatusMessage says why). The most recent such status.
   */
  unfixablePreflightStatus?: number;
}

/**
 * Groups a tab's cross-origin requests by target origin: blocked targets first (most blocked first), then by
 * origin. Requests to `pageOrigin` itself and non-http(s) URLs are left out: an override cannot concern them.
 */
export function observedTargets(pageOrigin: string, requests: ObservedRequest[]): ObservedTarget[] {
  // Sets while counting (a log holds thousands of requests, each naming a dozen headers), lists at the end.
  const byOrigin = new Map<string, { target: ObservedTarget; methods: Set<string>; headers: Set<string> }>();
  for (const request of requests) {
    const origin = httpOriginOf(request.url);
    if (origin === undefined || origin === pageOrigin) continue;
    const seen = byOrigin.get(origin) ?? {
      target: {
        origin,
        requests: 0,
        blocked: 0,
        methods: [],
        requestHeaders: [],
        credentials: true,
        credentialsAssumed: true,
      },
      methods: new Set<string>(),
      headers: new Set<string>(),
    };
    const { target } = seen;
    target.requests += 1;
    if (request.blocked) target.blocked += 1;
    seen.methods.add(request.method);
    for (const name of request.requestHeaders) seen.headers.add(name.toLowerCase());
    if (request.credentials === 'include') target.credentialsAssumed = false;
    const status = request.preflightStatus;
    if (request.blocked && status !== undefined && !preflightFixableByHeaders(status))
      target.unfixablePreflightStatus = status;
    byOrigin.set(origin, seen);
  }
  const targets = [...byOrigin.values()].map(({ target, methods, headers }) => ({
    ...target,
    methods: [...methods],
    requestHeaders: [...headers],
  }));
  return targets.sort(
    (a, b) => b.blocked - a.blocked || (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0),
  );
}
