import { equalsLowerAscii } from './get-normalized-header';
import { toLowerAscii } from './to-lower-ascii';
import { trimHttpTabOrSpace } from './trim-http-tab-or-space';

// Fetch §2.2.2 forbidden request-header, as Chromium implements it (net::HttpUtil::IsSafeHeader, the check
// behind Blink's Headers guard and CorsUnsafeNotForbiddenRequestHeaderNames). Chromium differs from the spec:
// it still forbids `User-Agent` (crbug.com/571722) and also forbids `DNT` and
// `Access-Control-Request-Private-Network`. Script cannot set these; a browser silently drops them.
const FORBIDDEN = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'access-control-request-private-network',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'via',
]);

const METHOD_OVERRIDES = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);
const FORBIDDEN_METHODS = ['connect', 'trace', 'track'];

export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lower = toLowerAscii(name);
  if (lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  if (FORBIDDEN.has(lower)) return true;
  if (!METHOD_OVERRIDES.has(lower)) return false;
  // The override headers are forbidden only when one of the listed methods is forbidden.
  for (const part of value.split(',')) {
    const method = trimHttpTabOrSpace(part);
    for (const forbidden of FORBIDDEN_METHODS) {
      if (equalsLowerAscii(method, forbidden)) return true;
    }
  }
  return false;
}
