import { ruleIdField } from './message-fields';
import type { FieldError, Parsed } from './types';

/** `rules/remove` and `rules/extend`: the id of the rule. */
export function parseRuleIdRequest(raw: Record<string, unknown>): Parsed<{ id: string }> {
  const errors: FieldError[] = [];
  const id = ruleIdField(raw, errors);
  return id === undefined ? { ok: false, errors } : { ok: true, value: { id } };
}
