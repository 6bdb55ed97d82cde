import { evaluateObserved, type VerdictBrowser } from '../cors/evaluate-observed';
import type { Verdict } from '../cors/types';
import type { OverrideRule } from '../rules/types';
import { overrideFor, overrideLabel } from './override-for';
import { toEngineExchange } from './to-engine-exchange';
import type { ExchangeRecord } from './types';
import { withOverride } from './with-override';
import { wasRescued, withRescue } from './with-rescue';

/** What a request that has not ended is judged: nothing yet. */
export const PENDING_VERDICT: Verdict = Object.freeze({
  allowed: false,
  preflightRequired: false,
  preflightReasons: [],
  exposedHeaders: [],
  explanation: 'The browser has not finished this request yet: the verdict comes with its response.',
}) as Verdict;

/** What a request is judged whose response headers CORS Lens missed: nothing, rather than "no CORS headers". */
export const HEADERS_UNSEEN_VERDICT: Verdict = Object.freeze({
  allowed: false,
  preflightRequired: false,
  preflightReasons: [],
  exposedHeaders: [],
  explanation:
    "CORS Lens's background restarted while this request ran and missed its response headers, so whether the browser allowed it cannot be told here: the browser's console says; the next request is captured in full.",
}) as Verdict;

/** One row of the panel: the record as captured and the engine's verdicts on it. */
export interface LoggedExchange {
  record: ExchangeRecord;
  /**
   * Set on rows as streamed to panels (summaryOf): the record's header lists were left out, so its empty lists
   * say nothing. The panel asks the background for the whole record where it needs them (withDetail).
   */
  headersOmitted?: true;
  /** The verdict on the headers the server sent. */
  verdict: Verdict;
  /** Present when an override rule changed the response: the verdict on the headers the page saw. */
  override?: {
    ruleId: string;
    label: string;
    verdict: Verdict;
    /**
     * Firefox shows the extension response headers after declarativeNetRequest rewrote them: the server's own CORS
     * headers were never seen, so `verdict` above is then the one on the rewritten headers too, not the server's.
     */
    serverHeadersUnseen?: true;
    /**
     * Chromium, a rule that answers preflights: the server refused the preflight and CORS Lens answered it
     * (wasRescued). `verdict` above is then the one on CORS Lens's answer; the record keeps the server's own.
     */
    preflightAnswered?: true;
  };
}

/**
 * A record with the engine's verdict on what the server sent and, when an active override rule applied to it,
 * the verdict on the headers the page saw under that rule.
 */
export function toLogged(
  record: ExchangeRecord,
  activeRules: readonly OverrideRule[] = [],
  /** False in Firefox (webrequest-events.ts `responseHeadersBeforeDnr`). */
  seesServerHeaders = true,
  /** False in Firefox, which reports a simple request it refused as completed (webrequest-events.ts). */
  seesRefusals = true,
  /** The browser whose CORS checks decide, in the order and words of which the verdict is given. */
  browser: VerdictBrowser = 'chromium',
): LoggedExchange {
  // The browser's refusal tells a credentialed request apart from one without credentials (evaluateObserved);
  // where a refusal would not show, a completed request proves nothing either way.
  // The page's own call tells the credentials mode outright: nothing to infer then.
  // A running request has no verdict yet (the panel says it is waiting): the engine runs once it has ended, which
  // keeps the per-event work of capture small.
  if (record.outcome === 'pending') return { record, verdict: PENDING_VERDICT };
  if (record.incomplete === 'headers-unseen') return { record, verdict: HEADERS_UNSEEN_VERDICT };
  const failed = record.outcome === 'failed' && record.response !== undefined;
  const refused =
    record.page !== undefined
      ? false
      : failed
        ? true
        : seesRefusals || record.outcome !== 'completed'
          ? false
          : undefined;
  const rule = overrideFor(record, activeRules);
  const entry: LoggedExchange = {
    record,
    verdict: withHiddenReads(
      record,
      evaluateObserved(toEngineExchange(record), rule === undefined ? refused : false, browser),
    ),
  };
  if (rule === undefined) return entry;
  // The rescue answers preflights in Chromium only, where the server's own headers are seen.
  const rescued = seesServerHeaders && wasRescued(record, rule);
  entry.override = seesServerHeaders
    ? {
        ruleId: rule.id,
        label: overrideLabel(rule),
        verdict: withHiddenReads(
          record,
          evaluateObserved(
            toEngineExchange(rescued ? withRescue(record, rule) : withOverride(record, rule)),
            refused,
            browser,
          ),
        ),
        ...(rescued ? { preflightAnswered: true as const } : {}),
      }
    : // A copy, not a second reference: some message serialisations (WebDriver BiDi) drop repeated objects.
      {
        ruleId: rule.id,
        label: overrideLabel(rule),
        verdict: structuredClone(entry.verdict),
        serverHeadersUnseen: true,
      };
  return entry;
}

/** Blocked means: finished, and the browser refused it (under the override, when one applied). */
export function isBlocked(entry: LoggedExchange): boolean {
  return entry.record.outcome !== 'pending' && !(entry.override?.verdict ?? entry.verdict).allowed;
}

/**
 * The verdict, with the response headers the script read but could not (Fetch §3.2.6: a header not in the
 * CORS-exposed header-name list reads as null): the response carries them, CORS hides them.
 */
function withHiddenReads(record: ExchangeRecord, verdict: Verdict): Verdict {
  if (!verdict.allowed || !record.readHeaders?.length || !record.response) return verdict;
  const carried = new Set(record.response.headers.map(([name]) => name.toLowerCase()));
  const hidden = record.readHeaders.filter((h) => carried.has(h) && !verdict.exposedHeaders.includes(h));
  if (hidden.length === 0) return verdict;
  const list = hidden.join(', ');
  return {
    ...verdict,
    hiddenReads: hidden,
    notes: [
      ...(verdict.notes ?? []),
      `The page's script read ${list}, which the response carries but does not expose, so the script got null. The server must list ${hidden.length === 1 ? 'it' : 'them'} in Access-Control-Expose-Headers: ${list}.`,
    ],
  };
}
