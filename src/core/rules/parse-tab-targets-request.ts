import { tabIdField } from './message-fields';
import type { FieldError, Parsed } from './types';
import { validateOrigin } from './validate-origin';

/** `tab/targets`: a tab id and the serialized origin of the page shown in it. */
export function parseTabTargetsRequest(
  raw: Record<string, unknown>,
): Parsed<{ tabId: number; pageOrigin: string }> {
  const errors: FieldError[] = [];
  const tabId = tabIdField(raw, errors);
  const { pageOrigin } = raw;
  const origin = typeof pageOrigin === 'string' ? validateOrigin(pageOrigin) : undefined;
  if (origin?.ok !== true)
    errors.push({ field: 'pageOrigin', message: origin?.message ?? 'pageOrigin must be the page’s origin.' });
  if (errors.length > 0 || tabId === undefined || origin?.ok !== true) return { ok: false, errors };
  return { ok: true, value: { tabId, pageOrigin: origin.value } };
}
