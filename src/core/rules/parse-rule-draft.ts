import { checkRuleFields } from './check-rule-fields';
import { expiresAtFor } from './expires-at-for';
import type { FieldError, OverrideRule } from './types';

export type ParsedRule = { ok: true; rule: OverrideRule } | { ok: false; errors: FieldError[] };

/**
 * A rule from the editor (or an import entry): every field checked, optional ones defaulted, and its lifetime
 * started at `now` — saving a rule renews it. `target` may be a string or `{ origin, pathPrefix }`; a draft
 * without an id (a new rule) gets `newId()`.
 */
export function parseRuleDraft(
  draft: unknown,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): ParsedRule {
  if (typeof draft !== 'object' || draft === null || Array.isArray(draft)) {
    return {
      ok: false,
      errors: [{ field: 'draft', message: 'Expected a rule: an object with pageOrigin and target.' }],
    };
  }
  const raw = draft as Record<string, unknown>;
  const { fields, errors } = checkRuleFields(raw);
  if (raw.id !== undefined && (typeof raw.id !== 'string' || raw.id === '')) {
    errors.push({ field: 'id', message: 'id must be a non-empty string.' });
  }
  if (fields === undefined || errors.length > 0) return { ok: false, errors };
  const createdAt = typeof raw.createdAt === 'number' && Number.isFinite(raw.createdAt) ? raw.createdAt : now;
  const id = typeof raw.id === 'string' ? raw.id : newId();
  return { ok: true, rule: { id, ...fields, createdAt, expiresAt: expiresAtFor(fields.lifetime, now) } };
}
