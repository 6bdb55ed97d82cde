import { checkRuleDraft } from './check-rule-draft';
import { ruleFromDraft } from './rule-from-draft';
import type { FieldError, OverrideRule } from './types';

export type ParsedRule = { ok: true; rule: OverrideRule } | { ok: false; errors: FieldError[] };

/**
 * A rule from the editor (or an import entry): every field checked (checkRuleDraft), optional ones defaulted, and
 * its lifetime started at `now` — saving a rule renews it. A draft without an id (a new rule) gets `newId()`.
 */
export function parseRuleDraft(
  draft: unknown,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): ParsedRule {
  const checked = checkRuleDraft(draft);
  if (!checked.ok) return checked;
  return { ok: true, rule: ruleFromDraft(checked.value, now, newId) };
}
