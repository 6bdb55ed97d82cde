import { booleanField, ruleIdField } from './message-fields';
import type { FieldError, Parsed } from './types';

/** `rules/set-rule-enabled`: the id of the rule and whether it is on. */
export function parseSetRuleEnabledRequest(
  raw: Record<string, unknown>,
): Parsed<{ id: string; enabled: boolean }> {
  const errors: FieldError[] = [];
  const id = ruleIdField(raw, errors);
  const enabled = booleanField(raw, 'enabled', errors);
  return id === undefined || enabled === undefined
    ? { ok: false, errors }
    : { ok: true, value: { id, enabled } };
}
