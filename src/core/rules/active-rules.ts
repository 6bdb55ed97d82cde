import { isRuleActive } from './is-rule-active';
import type { OverrideRule, RulesState } from './types';

/** The rules to compile right now: none when the global switch is off. Storage order is kept. */
export function activeRules(state: RulesState, now: number): OverrideRule[] {
  if (!state.overridesEnabled) return [];
  return state.rules.filter((rule) => isRuleActive(rule, now));
}
