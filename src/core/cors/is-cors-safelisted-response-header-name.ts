import { toLowerAscii } from './to-lower-ascii';

const SAFELISTED = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
]);

// Fetch §2.2.2 CORS-safelisted response-header name (the list; exposed names are handled by the caller).
// Same set as Chromium's cors.cc IsCorsSafelistedResponseHeaderName.
export function isCorsSafelistedResponseHeaderName(name: string): boolean {
  return SAFELISTED.has(toLowerAscii(name));
}
