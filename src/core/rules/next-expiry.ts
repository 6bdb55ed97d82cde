import { activeRules } from './active-rules';
import type { RulesState } from './types';

/** When the DNR rules next need recompiling because an active rule times out (for chrome.alarms); null: never. */
export function nextExpiry(state: RulesState, now: number): number | null {
  let next: number | null = null;
  for (const rule of activeRules(state, now)) {
    if (rule.expiresAt !== null && (next === null || rule.expiresAt < next)) next = rule.expiresAt;
  }
  return next;
}
