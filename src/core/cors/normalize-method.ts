import { toUpperAscii } from './to-upper-ascii';

const NORMALIZED = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

// Fetch §2.2.1 normalize a method: only DELETE/GET/HEAD/OPTIONS/POST/PUT are byte-upper-cased; `patch`
// stays `patch` (Blink: FetchUtils::NormalizeMethod, used by fetch() and XMLHttpRequest.open()).
export function normalizeMethod(method: string): string {
  const upper = toUpperAscii(method);
  return NORMALIZED.has(upper) ? upper : method;
}
