import type { DnrHeaderInfo } from './dnr-rule';
import type { OverrideRule } from './types';

/**
 * The response headers that make the page's request pass the CORS check (Fetch §4.9) and, on a preflight, the
 * CORS-preflight fetch (Fetch §4.8) — always `set`: `append` onto a server's own ACAO yields "a, b", which fails.
 * ACAO is the exact page origin, never `*`. Methods and headers are explicit lists with or without credentials
 * (with credentials `*` would be literal; without, lists still behave the same everywhere), so `authorization`
 * is allowed only when listed. Expose-Headers and Max-Age are set only when asked for; otherwise the server's
 * own values pass through (a malformed one there fails nothing: it only exposes less or caches less).
 */
export function corsResponseHeaders(rule: OverrideRule): DnrHeaderInfo[] {
  const headers: DnrHeaderInfo[] = [
    { header: 'access-control-allow-origin', operation: 'set', value: rule.pageOrigin },
    { header: 'access-control-allow-methods', operation: 'set', value: rule.methods.join(', ') },
  ];
  // Removed when the rule allows none: the browser parses the server's value even then, and a malformed one
  // (or a lower-priority rule's list) would fail or widen the preflight.
  headers.push(
    rule.requestHeaders.length > 0
      ? { header: 'access-control-allow-headers', operation: 'set', value: rule.requestHeaders.join(', ') }
      : { header: 'access-control-allow-headers', operation: 'remove' },
  );
  if (rule.credentials)
    headers.push({ header: 'access-control-allow-credentials', operation: 'set', value: 'true' });
  if (rule.exposeHeaders.length > 0) {
    headers.push({
      header: 'access-control-expose-headers',
      operation: 'set',
      value: rule.exposeHeaders.join(', '),
    });
  }
  if (rule.maxAge !== undefined) {
    headers.push({ header: 'access-control-max-age', operation: 'set', value: String(rule.maxAge) });
  }
  return headers;
}
