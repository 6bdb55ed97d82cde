import type { CheckedDraft } from './check-rule-draft';
import { expiresAtFor } from './expires-at-for';
import type { OverrideRule } from './types';

/** The rule a checked draft describes, its lifetime started at `now`: saving a rule renews it. */
export function ruleFromDraft(
  draft: CheckedDraft,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): OverrideRule {
  return {
    id: draft.id ?? newId(),
    ...draft.fields,
    createdAt: draft.createdAt ?? now,
    expiresAt: expiresAtFor(draft.fields.lifetime, now),
  };
}
