import { booleanField } from './message-fields';
import type { FieldError, Parsed } from './types';

/** `rules/set-enabled`: the global switch. */
export function parseSetEnabledRequest(raw: Record<string, unknown>): Parsed<{ enabled: boolean }> {
  const errors: FieldError[] = [];
  const enabled = booleanField(raw, 'enabled', errors);
  return enabled === undefined ? { ok: false, errors } : { ok: true, value: { enabled } };
}
