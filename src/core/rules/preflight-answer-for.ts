import { corsResponseHeaders } from './cors-response-headers';
import type { OverrideRule } from './types';

/** A response as the DevTools protocol's Fetch.fulfillRequest takes it. */
export interface PreflightAnswer {
  responseCode: number;
  responseHeaders: { name: string; value: string }[];
}

/**
 * What CORS Lens answers a preflight with when the rule answers preflights: 204 (an ok status, Fetch §4.8 step 7)
 * and exactly the headers the rule's DNR rule sets (corsResponseHeaders), nothing the server sent.
 */
export function preflightAnswerFor(rule: OverrideRule): PreflightAnswer {
  return {
    responseCode: 204,
    responseHeaders: corsResponseHeaders(rule).flatMap((h) =>
      h.operation === 'set' && h.value !== undefined ? [{ name: h.header, value: h.value }] : [],
    ),
  };
}
