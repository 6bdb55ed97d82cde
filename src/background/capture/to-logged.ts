import { evaluateObserved } from '../../core/cors';
import {
  type ExchangeRecord,
  overrideFor,
  overrideLabel,
  toEngineExchange,
  wasRescued,
  withOverride,
  withRescue,
} from '../../core/exchange';
import type { OverrideRule } from '../../core/rules';
import type { LoggedExchange } from '../../shared/panel-protocol';

/**
 * A record with the engine's verdict on what the server sent and, when an active override rule applied to it,
 * the verdict on the headers the page saw under that rule.
 */
export function toLogged(
  record: ExchangeRecord,
  activeRules: readonly OverrideRule[] = [],
  /** False in Firefox (webrequest-events.ts `responseHeadersBeforeDnr`). */
  seesServerHeaders = true,
): LoggedExchange {
  // The browser's refusal tells a credentialed request apart from one without credentials (evaluateObserved).
  const refused = record.outcome === 'failed' && record.response !== undefined;
  const rule = overrideFor(record, activeRules);
  const entry: LoggedExchange = {
    record,
    verdict: evaluateObserved(toEngineExchange(record), refused && rule === undefined),
  };
  if (rule === undefined) return entry;
  // The rescue answers preflights in Chromium only, where the server's own headers are seen.
  const rescued = seesServerHeaders && wasRescued(record, rule);
  entry.override = seesServerHeaders
    ? {
        ruleId: rule.id,
        label: overrideLabel(rule),
        verdict: evaluateObserved(
          toEngineExchange(rescued ? withRescue(record, rule) : withOverride(record, rule)),
          refused,
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
