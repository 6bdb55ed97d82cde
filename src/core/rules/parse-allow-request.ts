import { checkListSize, checkRuleFields } from './check-rule-fields';
import type { FieldError, Lifetime, Parsed, RuleTarget } from './types';

/** A one-click allow, checked: the page origin and target serialized, lifetime and credentials decided. */
export interface AllowRequest {
  pageOrigin: string;
  target: RuleTarget;
  lifetime: Lifetime;
  credentials: boolean;
  /** What the log saw the page send (defaultRuleFor skips entries no preflight could pass). */
  observed: { methods?: string[]; requestHeaders?: string[]; exposeHeaders?: string[] };
  /** Turn answering preflights on or off; absent: as the rule it replaces had it (off for a new rule). */
  answerPreflights?: boolean;
}

/**
 * The `rules/allow` message: the same field checks as a saved rule (checkRuleFields) for the origin, the target,
 * the lifetime and credentials; the observed lists must be lists of text within LIMITS.
 */
export function parseAllowRequest(raw: Record<string, unknown>): Parsed<AllowRequest> {
  const { fields, errors } = checkRuleFields({
    pageOrigin: raw.pageOrigin,
    target: raw.target,
    lifetime: raw.lifetime,
    credentials: raw.credentials,
  });
  if (raw.answerPreflights !== undefined && typeof raw.answerPreflights !== 'boolean')
    errors.push({ field: 'answerPreflights', message: 'answerPreflights must be true or false.' });
  const methods = observedList(raw, 'methods', errors);
  const requestHeaders = observedList(raw, 'requestHeaders', errors);
  const exposeHeaders = observedList(raw, 'exposeHeaders', errors);
  if (fields === undefined || errors.length > 0) return { ok: false, errors };
  const observed: AllowRequest['observed'] = {};
  if (methods !== undefined) observed.methods = methods;
  if (requestHeaders !== undefined) observed.requestHeaders = requestHeaders;
  if (exposeHeaders !== undefined) observed.exposeHeaders = exposeHeaders;
  const value: AllowRequest = {
    pageOrigin: fields.pageOrigin,
    target: fields.target,
    lifetime: fields.lifetime,
    credentials: fields.credentials,
    observed,
  };
  if (typeof raw.answerPreflights === 'boolean') value.answerPreflights = raw.answerPreflights;
  return { ok: true, value };
}

function observedList(
  raw: Record<string, unknown>,
  field: string,
  errors: FieldError[],
): string[] | undefined {
  const value = raw[field];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    errors.push({ field, message: `${field} must be a list of names, such as content-type.` });
    return undefined;
  }
  const problem = checkListSize(field, value);
  if (problem !== undefined) errors.push(problem);
  return value;
}
