import { isCorsSafelistedResponseHeaderName } from '../cors/is-cors-safelisted-response-header-name';
import { normalizeMethod } from '../cors/normalize-method';
import { routeScope } from './route-scope';
import type { CorsNeeds, FixInput } from './types';
import { assertValidFixInput } from './validate-fix-input';

/** Suggested preflight cache lifetime when none is given: long enough to matter, under Chromium's 2 h cap. */
export const DEFAULT_MAX_AGE = 600;

/** Validates the input and reduces it to the minimal allow-lists that every output is derived from. */
export function resolveCorsNeeds(input: FixInput): CorsNeeds {
  assertValidFixInput(input);
  const lower = (names: string[]) => unique(names.map((name) => name.toLowerCase()));
  return {
    origin: input.pageOrigin,
    methods: unique(input.methods.map(normalizeMethod)),
    allowHeaders: lower(input.requestHeaders),
    // Set-Cookie can never be exposed to script (Fetch §2.2.6 forbidden response-header name).
    exposeHeaders: lower(input.exposeHeaders).filter(
      (name) => !isCorsSafelistedResponseHeaderName(name) && name !== 'set-cookie' && name !== 'set-cookie2',
    ),
    // Unknown: allowing credentials with the exact origin passes the CORS check in both modes (Fetch §4.9).
    credentials: input.credentials !== 'omit',
    maxAge: input.maxAge ?? DEFAULT_MAX_AGE,
    scope: routeScope(input.targetUrl),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
