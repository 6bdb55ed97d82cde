/**
 * Fetch §4.4 HTTP-redirect fetch, step 12 (net::RedirectInfo::ComputeRedirectInfo): 301/302 turn POST into
 * GET, 303 turns everything but HEAD into GET. When that happens the request-body headers are dropped, which can
 * make a preflighted request simple (Chromium: kUpdateRequestForCorsRedirect).
 */
export function methodAfterRedirect(method: string, status: number): string {
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  if (status === 303 && method !== 'HEAD') return 'GET';
  return method;
}

/** Fetch §2.2.2 request-body-header name: removed when a redirect changes the method to GET. */
export const REQUEST_BODY_HEADER_NAMES: ReadonlySet<string> = new Set([
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
]);
