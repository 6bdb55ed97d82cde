import {
  type OverrideRule,
  type PreflightAnswer,
  preflightAnswerFor,
  preflightFixableByHeaders,
} from '../rules';

/** What the DevTools protocol's Fetch.requestPaused reports, reduced to what the decision needs. */
export interface PausedRequest {
  method: string;
  url: string;
  /** As the protocol gives them: names as sent. */
  headers: Record<string, string>;
  /** Present at the response stage: the status the server answered. */
  responseStatusCode?: number;
  /** Present at the response stage when the request failed on the network instead. */
  responseErrorReason?: string;
}

export type PausedAction =
  /** Fetch.continueRequest, untouched; `interceptResponse` pauses it again when the server has answered. */
  | { kind: 'continue'; interceptResponse?: true }
  /** Fetch.fulfillRequest: CORS Lens answers instead of the server. */
  | { kind: 'fulfill'; rule: OverrideRule; answer: PreflightAnswer };

const CONTINUE: PausedAction = { kind: 'continue' };

/**
 * The rule that answers this request's preflight, if it is one: an OPTIONS request carrying
 * Access-Control-Request-Method (a CORS preflight, Fetch §4.8), whose Origin is the rule's page origin and whose
 * URL lies under the rule's target. `rules` are the active rules; only those with answerPreflights count.
 */
export function rescuingRule(
  paused: PausedRequest,
  rules: readonly OverrideRule[],
): OverrideRule | undefined {
  if (paused.method !== 'OPTIONS') return undefined;
  let origin: string | undefined;
  let asksMethod = false;
  for (const [name, value] of Object.entries(paused.headers)) {
    const lower = name.toLowerCase();
    if (lower === 'origin') origin = value;
    else if (lower === 'access-control-request-method') asksMethod = true;
  }
  if (!asksMethod || origin === undefined) return undefined;
  return rules.find(
    (rule) =>
      rule.answerPreflights === true &&
      rule.pageOrigin === origin &&
      paused.url.startsWith(`${rule.target.origin}${rule.target.pathPrefix}`),
  );
}

/**
 * What to do with a paused request. Everything that is not a preflight of a rescuing rule goes on untouched. A
 * preflight is decided once the server answered it (the response stage; paused before it was sent, it goes on with
 * its response to be paused), so that the server's own answer is seen, by the log too: an ok status goes on (the
 * DNR rule already set the headers); a status no header can fix (non-2xx, a redirect included: its Location was
 * removed, compile-rules.ts) is replaced by the rule's answer. A network error is left as it is: the actual request
 * would fail the same way.
 */
export function decidePaused(paused: PausedRequest, rules: readonly OverrideRule[]): PausedAction {
  const rule = rescuingRule(paused, rules);
  if (rule === undefined) return CONTINUE;
  if (paused.responseErrorReason !== undefined) return CONTINUE;
  if (paused.responseStatusCode === undefined) return { kind: 'continue', interceptResponse: true };
  if (preflightFixableByHeaders(paused.responseStatusCode)) return CONTINUE;
  return { kind: 'fulfill', rule, answer: preflightAnswerFor(rule) };
}
