import { type OverrideRule, preflightAnswerFor, preflightFixableByHeaders } from '../rules';
import type { ExchangeRecord } from './types';
import { withOverride } from './with-override';

/**
 * Whether CORS Lens answered this exchange's preflight (src/core/rescue decidePaused): its rule answers preflights,
 * the server refused the preflight with a status no header fixes, and the actual request was sent all the same —
 * which a browser does only once a preflight passed (Fetch §4.8), so the answer the page got was ours.
 */
export function wasRescued(record: ExchangeRecord, rule: OverrideRule): boolean {
  const status = record.preflight?.response?.status;
  return (
    rule.answerPreflights === true &&
    status !== undefined &&
    !preflightFixableByHeaders(status) &&
    (record.response !== undefined || record.hops.length > 0)
  );
}

/** The exchange as the page saw it when CORS Lens answered its preflight: the rule's answer, then the override. */
export function withRescue(record: ExchangeRecord, rule: OverrideRule): ExchangeRecord {
  const effective = withOverride(record, rule);
  const preflight = record.preflight;
  if (preflight?.response === undefined) return effective;
  const answer = preflightAnswerFor(rule);
  return {
    ...effective,
    preflight: {
      ...preflight,
      response: {
        status: answer.responseCode,
        headers: answer.responseHeaders.map(({ name, value }) => [name, value]),
        time: preflight.response.time,
      },
    },
  };
}
