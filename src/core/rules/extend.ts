import { expiresAtFor } from './expires-at-for';
import type { OverrideRule } from './types';

/**
 * Gives the rule its lifetime again, counted from `now`, and switches it on: extending is how the popup revives
 * an expired rule, and nobody extends a rule they want off.
 */
export function extend(rule: OverrideRule, now: number): OverrideRule {
  return { ...rule, enabled: true, expiresAt: expiresAtFor(rule.lifetime, now) };
}
