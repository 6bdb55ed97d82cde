import { LIFETIME_MS } from './expires-at-for';
import type { OverrideRule } from './types';

/**
 * Enabled and not expired. An expiry equal to `now` counts as expired, the way an alarm at `now` fires. A timed
 * rule whose expiry lies further ahead than its whole lifetime was made under a clock that has since gone back
 * (or was stored so): it has run its lifetime as far as anyone can tell, and ends.
 */
export function isRuleActive(rule: OverrideRule, now: number): boolean {
  if (!rule.enabled) return false;
  if (rule.expiresAt === null) return true;
  const lifetime = LIFETIME_MS[rule.lifetime];
  return rule.expiresAt > now && (lifetime === null || rule.expiresAt - now <= lifetime);
}
