import { evaluate } from './evaluate';
import type { Exchange, Verdict } from './types';

const INFERRED_CREDENTIALS =
  'The browser refused this response, and its headers fail only for a request sent with credentials, so this request was credentialed (`credentials: "include"` or `withCredentials = true`). Extensions cannot see the credentials mode when no cookie is sent; the verdict above is for a credentialed request.';

/**
 * The verdict on an observed exchange, knowing whether the browser refused its response. `credentials: 'include'`
 * without a cookie looks uncredentialed on the wire (webRequest does not expose the mode), so when the browser
 * refused a response the engine allows without credentials but blocks with them, the request was credentialed:
 * that verdict is the browser's (e.g. WildcardOriginNotAllowed, measured in Chromium), with a note saying it was
 * inferred. A refusal the headers cannot explain either way keeps the plain verdict.
 */
export function evaluateObserved(exchange: Exchange, browserRefused: boolean): Verdict {
  const verdict = evaluate(exchange);
  if (!browserRefused || !verdict.allowed || exchange.request.credentials === 'include') return verdict;
  const credentialed = evaluate({ ...exchange, request: { ...exchange.request, credentials: 'include' } });
  if (credentialed.allowed) return verdict;
  return { ...credentialed, notes: [...(credentialed.notes ?? []), INFERRED_CREDENTIALS] };
}
