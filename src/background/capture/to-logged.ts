import { evaluate } from '../../core/cors';
import {
  type ExchangeRecord,
  overrideFor,
  overrideLabel,
  toEngineExchange,
  withOverride,
} from '../../core/exchange';
import type { OverrideRule } from '../../core/rules';
import type { LoggedExchange } from '../../shared/panel-protocol';

/**
 * A record with the engine's verdict on what the server sent and, when an active override rule applied to it,
 * the verdict on the headers the page saw under that rule.
 */
export function toLogged(record: ExchangeRecord, activeRules: readonly OverrideRule[] = []): LoggedExchange {
  const entry: LoggedExchange = { record, verdict: evaluate(toEngineExchange(record)) };
  const rule = overrideFor(record, activeRules);
  if (rule !== undefined) {
    entry.override = {
      ruleId: rule.id,
      label: overrideLabel(rule),
      verdict: evaluate(toEngineExchange(withOverride(record, rule))),
    };
  }
  return entry;
}

/** Blocked means: finished, and the browser refused it (under the override, when one applied). */
export function isBlocked(entry: LoggedExchange): boolean {
  return entry.record.outcome !== 'pending' && !(entry.override?.verdict ?? entry.verdict).allowed;
}
