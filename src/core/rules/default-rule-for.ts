import { expiresAtFor } from './expires-at-for';
import { DEFAULT_LIFETIME, DEFAULT_METHODS, DEFAULT_REQUEST_HEADERS } from './rule-defaults';
import type { Lifetime, OverrideRule, RuleTarget, Validation } from './types';
import { validateExposeHeaderName } from './validate-expose-header-name';
import { validateHeaderName } from './validate-header-name';
import { validateMethod } from './validate-method';

export interface DefaultRuleInput {
  /** Already validated (validateOrigin). */
  pageOrigin: string;
  /** Already validated (validateTarget). */
  target: RuleTarget;
  /** What the failed exchange asked for, when the rule comes from the log ("allow temporarily"). */
  observed?: {
    methods?: string[];
    requestHeaders?: string[];
    exposeHeaders?: string[];
    credentials?: boolean;
  };
}

/**
 * The one-click rule: the observed methods and headers when there are any (invalid ones are skipped: they could
 * never pass a preflight anyway), else the defaults; credentials only when the request carried them.
 */
export function defaultRuleFor(
  input: DefaultRuleInput,
  now: number,
  id: string,
  lifetime: Lifetime = DEFAULT_LIFETIME,
): OverrideRule {
  const methods = validValues(input.observed?.methods ?? [], validateMethod);
  const requestHeaders = validValues(input.observed?.requestHeaders ?? [], validateHeaderName);
  return {
    id,
    pageOrigin: input.pageOrigin,
    target: { ...input.target },
    methods: methods.length > 0 ? methods : [...DEFAULT_METHODS],
    requestHeaders: requestHeaders.length > 0 ? requestHeaders : [...DEFAULT_REQUEST_HEADERS],
    credentials: input.observed?.credentials === true,
    // The response headers the page's script read (the hook in the page saw it), so that it reads them.
    exposeHeaders: validValues(input.observed?.exposeHeaders ?? [], validateExposeHeaderName),
    lifetime,
    createdAt: now,
    expiresAt: expiresAtFor(lifetime, now),
    enabled: true,
  };
}

function validValues(items: string[], validate: (item: string) => Validation<string>): string[] {
  const out = new Set<string>();
  for (const item of items) {
    const result = validate(item);
    if (result.ok) out.add(result.value);
  }
  return [...out];
}
