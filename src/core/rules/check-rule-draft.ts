import { checkRuleFields, type RuleFields } from './check-rule-fields';
import type { Parsed } from './types';

/** A draft whose every field is valid; its id and creation time, when it had them, are kept. */
export interface CheckedDraft {
  id?: string;
  fields: RuleFields;
  createdAt?: number;
}

/**
 * A rule from the editor (or an import entry), checked field by field with the optional ones defaulted.
 * `target` may be a string or `{ origin, pathPrefix }`; a draft without an id is a new rule.
 */
export function checkRuleDraft(draft: unknown): Parsed<CheckedDraft> {
  if (typeof draft !== 'object' || draft === null || Array.isArray(draft)) {
    return {
      ok: false,
      errors: [{ field: 'draft', message: 'Expected a rule: an object with pageOrigin and target.' }],
    };
  }
  const raw = draft as Record<string, unknown>;
  const { fields, errors } = checkRuleFields(raw);
  if (raw.id !== undefined && (typeof raw.id !== 'string' || raw.id === '' || raw.id.length > 200)) {
    errors.push({ field: 'id', message: 'id must be a non-empty string of at most 200 characters.' });
  }
  if (fields === undefined || errors.length > 0) return { ok: false, errors };
  const value: CheckedDraft = { fields };
  if (typeof raw.id === 'string') value.id = raw.id;
  if (typeof raw.createdAt === 'number' && Number.isFinite(raw.createdAt)) value.createdAt = raw.createdAt;
  return { ok: true, value };
}
