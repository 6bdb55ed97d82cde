import { checkRuleFields } from './check-rule-fields';
import { LIFETIME_MS } from './expires-at-for';
import { isLifetime } from './is-lifetime';
import type { ParsedRule } from './parse-rule-draft';
import { DEFAULT_LIFETIME } from './rule-defaults';

/**
 * A rule read back from storage: the same field checks as a draft, plus the id and timestamps it must already
 * have. Its expiry is kept, not renewed: reading storage must not extend anything.
 */
export function parseStoredRule(value: unknown): ParsedRule {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: [{ field: 'rule', message: 'not an object' }] };
  }
  const raw = value as Record<string, unknown>;
  const { fields, errors } = checkRuleFields(raw);
  if (typeof raw.id !== 'string' || raw.id === '') errors.push({ field: 'id', message: 'missing id' });
  if (typeof raw.createdAt !== 'number' || !Number.isFinite(raw.createdAt)) {
    errors.push({ field: 'createdAt', message: 'missing creation time' });
  }
  // Judged on the stored lifetime itself (an invalid one is already reported), not on `fields`, so that an
  // error elsewhere does not add a false one here.
  const lifetime = raw.lifetime === undefined ? DEFAULT_LIFETIME : raw.lifetime;
  const expiresAt = raw.expiresAt;
  if (isLifetime(lifetime)) {
    const timed = LIFETIME_MS[lifetime] !== null;
    if (timed && (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt))) {
      errors.push({ field: 'expiresAt', message: 'a timed rule needs an expiry time' });
    } else if (!timed && expiresAt !== null) {
      errors.push({ field: 'expiresAt', message: 'must be null for this lifetime' });
    }
  }
  if (fields === undefined || errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    rule: {
      id: raw.id as string,
      ...fields,
      createdAt: raw.createdAt as number,
      expiresAt: expiresAt as number | null,
    },
  };
}
