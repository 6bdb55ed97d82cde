import type { FieldError, Parsed } from './types';
import { validateOrigin } from './validate-origin';

/** `tab/targets`: a tab id and the serialized origin of the page shown in it. */
export function parseTabTargetsRequest(
  raw: Record<string, unknown>,
): Parsed<{ tabId: number; pageOrigin: string }> {
  const errors: FieldError[] = [];
  const { tabId, pageOrigin } = raw;
  if (typeof tabId !== 'number' || !Number.isSafeInteger(tabId) || tabId < 0)
    errors.push({ field: 'tabId', message: 'tabId must be the id of a tab: a whole number from 0.' });
  const origin = typeof pageOrigin === 'string' ? validateOrigin(pageOrigin) : undefined;
  if (origin?.ok !== true)
    errors.push({ field: 'pageOrigin', message: origin?.message ?? 'pageOrigin must be the page’s origin.' });
  if (errors.length > 0 || origin?.ok !== true) return { ok: false, errors };
  return { ok: true, value: { tabId: tabId as number, pageOrigin: origin.value } };
}
