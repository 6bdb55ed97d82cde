import type { OverrideRule } from './types';

/** Enabled and not expired. An expiry equal to `now` counts as expired, the way an alarm at `now` fires. */
export function isRuleActive(rule: OverrideRule, now: number): boolean {
  return rule.enabled && (rule.expiresAt === null || rule.expiresAt > now);
}
