import { type ParsedUrl, parseUrl } from './parse-url';

/**
 * Fetch §2.4 / HTML "same origin" between a serialized page origin and a URL. An opaque origin ("null") is
 * never same-origin with anything, not even another "null" (url::Origin::IsSameOriginWith).
 */
export function isSameOrigin(origin: string, url: string): boolean {
  return origin !== 'null' && isSameOriginParsed(origin, parseUrl(url));
}

/** isSameOrigin for a URL already parsed (evaluate's hot path parses each URL once). */
export function isSameOriginParsed(origin: string, parsed: ParsedUrl | null): boolean {
  return origin !== 'null' && parsed !== null && parsed.origin !== 'null' && parsed.origin === origin;
}

/** Same origin between two URLs (both tuple origins). */
export function isSameOriginUrls(a: string, b: string): boolean {
  const pa = parseUrl(a);
  const pb = parseUrl(b);
  return pa !== null && pb !== null && pa.origin !== 'null' && pa.origin === pb.origin;
}
