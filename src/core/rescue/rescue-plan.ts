import type { OverrideRule } from '../rules';
import { fetchPatternFor } from './fetch-pattern-for';

/** Per tab to attach to: the URL patterns its Fetch interception covers, sorted. */
export type RescuePlan = Map<number, string[]>;

/**
 * Which tabs CORS Lens attaches to, and for which targets: every tab whose top-level page has the origin of an
 * active rule that answers preflights. `rules` are the active rules (activeRules); other tabs are left alone.
 */
export function rescuePlan(
  rules: readonly OverrideRule[],
  tabsByOrigin: Record<string, number[]>,
): RescuePlan {
  const patterns = new Map<number, Set<string>>();
  for (const rule of rules) {
    if (!rule.answerPreflights) continue;
    for (const tabId of tabsByOrigin[rule.pageOrigin] ?? []) {
      if (!Number.isInteger(tabId) || tabId < 0) continue;
      const set = patterns.get(tabId) ?? new Set<string>();
      set.add(fetchPatternFor(rule.target));
      patterns.set(tabId, set);
    }
  }
  return new Map([...patterns].map(([tabId, set]) => [tabId, [...set].sort()]));
}
