// Field readers shared by the message parsers: each returns the value, or records why not and returns undefined.
import type { FieldError } from './types';

/** A rule id: non-empty text, bounded (ids are UUIDs, or whatever an imported file carried). */
export function ruleIdField(raw: Record<string, unknown>, errors: FieldError[]): string | undefined {
  const { id } = raw;
  if (typeof id === 'string' && id !== '' && id.length <= 200) return id;
  errors.push({
    field: 'id',
    message: 'Name the rule by its id: a non-empty string of at most 200 characters.',
  });
  return undefined;
}

export function booleanField(
  raw: Record<string, unknown>,
  field: string,
  errors: FieldError[],
): boolean | undefined {
  const value = raw[field];
  if (typeof value === 'boolean') return value;
  errors.push({ field, message: `${field} must be true or false.` });
  return undefined;
}

/** A tab id: a whole number from 0 (tabs.Tab.id). */
export function tabIdField(raw: Record<string, unknown>, errors: FieldError[]): number | undefined {
  const { tabId } = raw;
  if (typeof tabId === 'number' && Number.isSafeInteger(tabId) && tabId >= 0) return tabId;
  errors.push({ field: 'tabId', message: 'tabId must be the id of a tab: a whole number from 0.' });
  return undefined;
}
