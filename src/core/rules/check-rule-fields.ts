import { isLifetime } from './is-lifetime';
import { LIMITS, overLimit } from './limits';
import { DEFAULT_LIFETIME, DEFAULT_METHODS, DEFAULT_REQUEST_HEADERS } from './rule-defaults';
import type { FieldError, OverrideRule, Validation } from './types';
import { validateExposeHeaderName } from './validate-expose-header-name';
import { validateHeaderName } from './validate-header-name';
import { validateMaxAge } from './validate-max-age';
import { validateMethod } from './validate-method';
import { validateOrigin } from './validate-origin';
import { validateTarget } from './validate-target';

/** A rule minus what the caller decides: its id and its timestamps. */
export type RuleFields = Omit<OverrideRule, 'id' | 'createdAt' | 'expiresAt'>;

/**
 * Checks every user-editable field of a rule-shaped object, filling defaults for the optional ones, and reports
 * each problem against its field. Shared by drafts, stored rules and imports so that all three accept the same.
 */
export function checkRuleFields(raw: Record<string, unknown>): { fields?: RuleFields; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const take = <T>(field: string, result: Validation<T>): T | undefined => {
    if (result.ok) return result.value;
    errors.push({ field, message: result.message });
    return undefined;
  };

  const pageOrigin =
    typeof raw.pageOrigin === 'string'
      ? take('pageOrigin', validateOrigin(raw.pageOrigin))
      : take('pageOrigin', validateOrigin(''));
  const target = take('target', targetOf(raw.target));
  if (pageOrigin !== undefined && target !== undefined && target.origin === pageOrigin) {
    errors.push({
      field: 'target',
      message: `The target is the page's own origin (${pageOrigin}): same-origin requests never need CORS headers.`,
    });
  }

  const methods = listOf(raw.methods, 'methods', DEFAULT_METHODS, validateMethod, errors);
  if (methods?.length === 0)
    errors.push({ field: 'methods', message: 'Allow at least one method, such as GET.' });
  const requestHeaders = listOf(
    raw.requestHeaders,
    'requestHeaders',
    DEFAULT_REQUEST_HEADERS,
    validateHeaderName,
    errors,
  );
  const exposeHeaders = listOf(raw.exposeHeaders, 'exposeHeaders', [], validateExposeHeaderName, errors);
  const maxAge = take('maxAge', validateMaxAge(raw.maxAge));
  const credentials = booleanOf(raw.credentials, 'credentials', false, errors);
  const enabled = booleanOf(raw.enabled, 'enabled', true, errors);
  const answerPreflights = booleanOf(raw.answerPreflights, 'answerPreflights', false, errors);
  const lifetime = raw.lifetime === undefined ? DEFAULT_LIFETIME : raw.lifetime;
  if (!isLifetime(lifetime)) {
    errors.push({
      field: 'lifetime',
      message: 'Choose a lifetime: 15m, 1h, 8h, session (until the browser restarts) or pinned.',
    });
  }

  if (
    errors.length > 0 ||
    pageOrigin === undefined ||
    target === undefined ||
    methods === undefined ||
    requestHeaders === undefined ||
    exposeHeaders === undefined ||
    credentials === undefined ||
    enabled === undefined ||
    answerPreflights === undefined ||
    !isLifetime(lifetime)
  ) {
    return { errors };
  }
  const fields: RuleFields = {
    pageOrigin,
    target,
    methods,
    requestHeaders,
    credentials,
    exposeHeaders,
    lifetime,
    enabled,
  };
  if (maxAge !== undefined) fields.maxAge = maxAge;
  // Stored only when on: off is the absence of the field, as in rules made before the option existed.
  if (answerPreflights) fields.answerPreflights = true;
  return { fields, errors };
}

function targetOf(value: unknown): Validation<{ origin: string; pathPrefix: string }> {
  if (typeof value === 'string') return validateTarget(value);
  if (typeof value === 'object' && value !== null) {
    const { origin, pathPrefix } = value as Record<string, unknown>;
    if (
      typeof origin === 'string' &&
      (pathPrefix === undefined || (typeof pathPrefix === 'string' && pathPrefix.startsWith('/')))
    ) {
      return validateTarget(`${origin}${pathPrefix ?? '/'}`);
    }
  }
  return validateTarget('');
}

/**
 * A list field: absent means the default; a string is split on commas and spaces (a form field); duplicates go.
 * Bounded (LIMITS): every item lands in one response header.
 */
function listOf(
  value: unknown,
  field: string,
  fallback: readonly string[],
  validate: (item: string) => Validation<string>,
  errors: FieldError[],
): string[] | undefined {
  if (value === undefined) return [...fallback];
  const items = typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : value;
  if (!Array.isArray(items) || !items.every((item): item is string => typeof item === 'string')) {
    errors.push({
      field,
      message: `${field} must be a list of names, such as ${fallback[0] ?? 'x-request-id'}.`,
    });
    return undefined;
  }
  const tooLong = checkListSize(field, items);
  if (tooLong !== undefined) {
    errors.push(tooLong);
    return undefined;
  }
  const out = new Set<string>();
  let ok = true;
  for (const item of items) {
    const result = validate(item);
    if (!result.ok) {
      errors.push({ field, message: result.message });
      ok = false;
    } else {
      out.add(result.value);
    }
  }
  return ok ? [...out] : undefined;
}

function booleanOf(
  value: unknown,
  field: string,
  fallback: boolean,
  errors: FieldError[],
): boolean | undefined {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  errors.push({ field, message: `${field} must be true or false.` });
  return undefined;
}

const NOUNS: Record<string, string> = {
  methods: 'methods',
  requestHeaders: 'request header names',
  exposeHeaders: 'exposed header names',
};

/** The list or item that is over LIMITS, as a field error; undefined when the list is within them. */
export function checkListSize(field: string, items: readonly string[]): FieldError | undefined {
  if (items.length > LIMITS.listItems)
    return {
      field,
      message: `A rule allows ${overLimit(LIMITS.listItems, NOUNS[field] ?? field, items.length)}.`,
    };
  const long = items.find((item) => item.length > LIMITS.nameLength);
  if (long !== undefined)
    return {
      field,
      message: `"${long.slice(0, 40)}…" is longer than ${LIMITS.nameLength} characters: no method or header name is.`,
    };
  return undefined;
}
