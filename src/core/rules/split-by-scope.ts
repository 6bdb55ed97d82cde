import type { CompiledRules } from './compile-rules';
import type { DnrRule } from './dnr-rule';
import type { OverrideRule } from './types';

export interface ScopedRules {
  /** Die with the browser; the background re-derives them at start-up from the stored model. */
  session: DnrRule[];
  /** Survive a browser restart by themselves: in force from the first request, before the background starts. */
  dynamic: DnrRule[];
}

/**
 * Which DNR rule set each compiled rule goes to. A pinned rule is a dynamic rule, so that it applies from the first
 * request after a browser restart (re-deriving it at start-up left a gap of up to ~100 ms, measured). Everything
 * else is a session rule: 'session' lifetimes must end with the browser, a timed rule must never outlive its expiry
 * because the browser was closed when it passed, and a rule narrowed by `tabIds` can only be a session rule (tab
 * ids do not survive a restart, and DNR accepts tabIds on session rules only).
 * `rules` are the active override rules passed to compileRules, `compiled` its output.
 */
export function splitByScope(rules: OverrideRule[], compiled: CompiledRules): ScopedRules {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const out: ScopedRules = { session: [], dynamic: [] };
  compiled.rules.forEach((dnr, index) => {
    const rule = byId.get(compiled.ruleIds[index] ?? '');
    const pinned = rule?.lifetime === 'pinned' && dnr.condition.tabIds === undefined;
    (pinned ? out.dynamic : out.session).push(dnr);
  });
  return out;
}
