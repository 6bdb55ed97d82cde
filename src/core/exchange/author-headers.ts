import { isForbiddenRequestHeader } from '../cors/is-forbidden-request-header';
import type { HeaderList } from './events';

// webRequest shows every header sent; the CORS verdict needs only those the page script set (Fetch: the request's
// header list before the browser adds its own in HTTP-network-or-cache fetch). Nothing marks them, so we guess:
// - a header named in the preflight's Access-Control-Request-Headers was set by the page, always;
// - headers only the browser may set (forbidden request-header names, sec-*, proxy-*), conditional and
//   client-hint headers, and the cache headers the browser adds for reloads / "Disable cache" are the browser's;
// - Accept "*/*" is fetch's and XHR's default; Accept-Language is the browser's unless a default is given and the
//   value differs from it;
// - subresources that scripts cannot decorate (images, fonts, scripts, …) have no author headers at all.
// Anything else is the author's. Authorization stays the author's: HTTP-auth-cache credentials are rare.

// Beyond the forbidden request-header names (the engine's isForbiddenRequestHeader, sec-* and proxy-* included),
// the browser adds these itself.
const browserHeaders = new Set([
  'priority',
  'purpose',
  'upgrade-insecure-requests',
  'x-client-data',
  // Added by the HTTP cache when revalidating.
  'if-none-match',
  'if-modified-since',
  'if-unmodified-since',
  'if-match',
  'if-range',
  // Client hints.
  'save-data',
  'device-memory',
  'dpr',
  'viewport-width',
  'width',
  'rtt',
  'downlink',
  'ect',
]);

// The browser adds these for cache modes no-store/reload/no-cache and when DevTools disables the cache.
const browserCacheValues: Record<string, readonly string[]> = {
  pragma: ['no-cache'],
  'cache-control': ['no-cache', 'max-age=0'],
};

const undecoratedTypes = new Set([
  'main_frame',
  'sub_frame',
  'stylesheet',
  'script',
  'image',
  'imageset',
  'font',
  'object',
  'object_subrequest',
  'media',
  'csp_report',
  'websocket',
  'xslt',
  'xml_dtd',
  'web_manifest',
  'speculative',
]);

export interface AuthorHeaderContext {
  /** webRequest resource type of the request. */
  type: string;
  /** Lower-case names from the matching preflight's Access-Control-Request-Headers, when one was seen. */
  requestedHeaderNames?: readonly string[];
  /** The browser's own Accept-Language, when the background knows it. */
  acceptLanguage?: string;
}

/** The headers of `headers` that the page script set, by the heuristic above. */
export function authorHeaders(headers: HeaderList, context: AuthorHeaderContext): HeaderList {
  const requested = new Set(context.requestedHeaderNames ?? []);
  return headers.filter(([name, value]) => {
    const lower = name.toLowerCase();
    if (requested.has(lower)) return true;
    if (undecoratedTypes.has(context.type)) return false;
    return !isBrowserHeader(lower, value.trim().toLowerCase(), context.acceptLanguage);
  });
}

function isBrowserHeader(name: string, value: string, acceptLanguage: string | undefined): boolean {
  if (isForbiddenRequestHeader(name, value) || browserHeaders.has(name)) return true;
  if (browserCacheValues[name]?.includes(value)) return true;
  if (name === 'accept') return value === '*/*';
  if (name === 'accept-language')
    return acceptLanguage === undefined || value === acceptLanguage.toLowerCase();
  return false;
}
