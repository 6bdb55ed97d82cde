import type { FieldError, Parsed } from '../rules';
import type { AfterGrant } from './types';

const PATTERN = /^(https?|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)\/\*$/;
const MAX_ORIGINS = 8;
const MAX_ID_LENGTH = 64;

const refuse = (field: string, message: string): { ok: false; errors: FieldError[] } => ({
  ok: false,
  errors: [{ field, message }],
});

/** A grant id from another context: a short opaque token (callers use crypto.randomUUID()). */
function parseGrantId(value: unknown): Parsed<string> {
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > MAX_ID_LENGTH ||
    !/^[\w-]+$/.test(value)
  )
    return refuse('id', 'id must be a short token of letters, digits, "-" or "_".');
  return { ok: true, value };
}

/** Host permission patterns as hostPattern() makes them: `scheme://host/*`, a few at most. */
function parseHostPatterns(value: unknown): Parsed<string[]> {
  if (!Array.isArray(value) || value.length > MAX_ORIGINS)
    return refuse('origins', `origins must be a list of at most ${MAX_ORIGINS} host patterns.`);
  for (const item of value)
    if (typeof item !== 'string' || !PATTERN.test(item))
      return refuse('origins', `${JSON.stringify(item)} is not a host pattern like "http://localhost/*".`);
  return { ok: true, value: [...new Set(value as string[])] };
}

/** The optional API permissions CORS Lens may ask for in context: only `debugger` (answering preflights). */
const API_PERMISSIONS = new Set(['debugger']);

function parsePermissions(value: unknown): Parsed<string[]> {
  if (value === undefined) return { ok: true, value: [] };
  if (!Array.isArray(value) || !value.every((p) => typeof p === 'string' && API_PERMISSIONS.has(p)))
    return refuse('permissions', 'permissions may only name "debugger".');
  return { ok: true, value: [...new Set(value as string[])] };
}

/** What to do after the grant; the action's own fields are parsed by its message's parser when it runs. */
function parseAfterGrant(value: unknown): Parsed<AfterGrant> {
  if (typeof value !== 'object' || value === null) return refuse('action', 'action must be an object.');
  const { type, request } = value as { type?: unknown; request?: unknown };
  if (type === 'capture') return { ok: true, value: { type } };
  if (type === 'rules/set-answer-preflights' && typeof request === 'object' && request !== null) {
    const { id, enabled } = request as { id?: unknown; enabled?: unknown };
    return { ok: true, value: { type, request: { id, enabled } } };
  }
  if ((type === 'rules/allow' || type === 'rules/save') && typeof request === 'object' && request !== null)
    return type === 'rules/allow'
      ? { ok: true, value: { type, request: { ...(request as Record<string, unknown>) } } }
      : { ok: true, value: { type, request: { draft: (request as { draft?: unknown }).draft } } };
  return refuse(
    'action',
    'action.type must be "rules/allow", "rules/save", "rules/set-answer-preflights" or "capture", with its request.',
  );
}

export interface GrantRegistration {
  id: string;
  origins: string[];
  permissions: string[];
  action: AfterGrant;
}

/** `access/after-grant` and `access/open-grant-page`: what to do, once access to these hosts is granted. */
export function parseGrantRegistration(raw: Record<string, unknown>): Parsed<GrantRegistration> {
  const id = parseGrantId(raw.id);
  const origins = parseHostPatterns(raw.origins);
  const permissions = parsePermissions(raw.permissions);
  const action = parseAfterGrant(raw.action);
  if (!id.ok || !origins.ok || !permissions.ok || !action.ok)
    return { ok: false, errors: [id, origins, permissions, action].flatMap((p) => (p.ok ? [] : p.errors)) };
  if (origins.value.length + permissions.value.length === 0)
    return refuse('origins', 'An access request names at least one host pattern or permission.');
  return {
    ok: true,
    value: { id: id.value, origins: origins.value, permissions: permissions.value, action: action.value },
  };
}

/** `access/describe`, `access/complete`, `access/decline`: which access request. */
export function parseGrantIdRequest(raw: Record<string, unknown>): Parsed<{ id: string }> {
  const id = parseGrantId(raw.id);
  return id.ok ? { ok: true, value: { id: id.value } } : id;
}
