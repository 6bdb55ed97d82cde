import type { AfterGrant } from './types';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const PATTERN = /^(https?|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)\/\*$/;
const MAX_ORIGINS = 8;
const MAX_ID_LENGTH = 64;

/** A grant id from another context: a short opaque token (callers use crypto.randomUUID()). */
export function parseGrantId(value: unknown): Parsed<string> {
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > MAX_ID_LENGTH ||
    !/^[\w-]+$/.test(value)
  )
    return { ok: false, message: 'id must be a short token of letters, digits, "-" or "_".' };
  return { ok: true, value };
}

/** Host permission patterns as produced by hostPatterns(): `scheme://host/*`, at most a few. */
export function parseHostPatterns(value: unknown): Parsed<string[]> {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_ORIGINS)
    return { ok: false, message: `origins must be a list of 1 to ${MAX_ORIGINS} host patterns.` };
  for (const item of value)
    if (typeof item !== 'string' || !PATTERN.test(item))
      return {
        ok: false,
        message: `${JSON.stringify(item)} is not a host pattern like "http://localhost/*".`,
      };
  return { ok: true, value: [...new Set(value as string[])] };
}

/** What to do after the grant; the action's own fields are checked by its handler when it runs. */
export function parseAfterGrant(value: unknown): Parsed<AfterGrant> {
  if (typeof value !== 'object' || value === null) return { ok: false, message: 'action must be an object.' };
  const { type, request } = value as { type?: unknown; request?: unknown };
  if (type === 'capture') return { ok: true, value: { type } };
  if ((type === 'rules/allow' || type === 'rules/save') && typeof request === 'object' && request !== null)
    return type === 'rules/allow'
      ? { ok: true, value: { type, request: { ...(request as Record<string, unknown>) } } }
      : { ok: true, value: { type, request: { draft: (request as { draft?: unknown }).draft } } };
  return {
    ok: false,
    message: 'action.type must be "rules/allow", "rules/save" or "capture", with its request.',
  };
}
