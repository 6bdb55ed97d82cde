import { evaluate } from './evaluate';
import { evaluateInFirefox } from './firefox/evaluate-in-firefox';
import type { Exchange, Verdict } from './types';

/** Whose decision the verdict stands for: the browser the exchange ran in. */
export type VerdictBrowser = 'chromium' | 'firefox';

const INFERRED_CREDENTIALS =
  'The browser refused this response, and its headers fail only for a request sent with credentials, so this request was credentialed (`credentials: "include"` or `withCredentials = true`). Extensions cannot see the credentials mode when no cookie is sent; the verdict above is for a credentialed request.';

const UNKNOWN_CREDENTIALS =
  'Whether this request was sent with credentials (`credentials: "include"`, `withCredentials = true`) is unknown: no cookie went with it, and this browser does not tell extensions when it refuses a response. Without credentials the browser allows it; with credentials it blocks it.';

/**
 * The verdict on an observed exchange, given what the browser showed of its own decision: `true` refused, `false`
 * accepted, `undefined` not visible (Firefox reports a refused simple request as completed). `credentials:
 * 'include'` without a cookie looks uncredentialed on the wire (webRequest does not expose the mode):
 * - refused, and the headers fail only with credentials: the request was credentialed, and that verdict is the
 *   browser's (e.g. WildcardOriginNotAllowed, measured in Chromium), with a note saying it was inferred;
 * - refusal not visible, and the credentials mode decides: both verdicts, never a confident wrong one.
 * A refusal the headers cannot explain either way keeps the plain verdict.
 */
export function evaluateObserved(
  exchange: Exchange,
  browserRefused: boolean | undefined,
  browser: VerdictBrowser = 'chromium',
): Verdict {
  const judge = browser === 'firefox' ? evaluateInFirefox : evaluate;
  const verdict = judge(exchange);
  if (browserRefused === false || !verdict.allowed || exchange.request.credentials === 'include')
    return verdict;
  const credentialed = judge({ ...exchange, request: { ...exchange.request, credentials: 'include' } });
  if (credentialed.allowed) return verdict;
  if (browserRefused === undefined)
    return {
      ...verdict,
      ifCredentialed: credentialed,
      notes: [...(verdict.notes ?? []), UNKNOWN_CREDENTIALS],
    };
  return { ...credentialed, notes: [...(credentialed.notes ?? []), INFERRED_CREDENTIALS] };
}
