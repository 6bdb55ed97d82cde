import { escapeRegExp } from './literals/escape-reg-exp';
import { resolveCorsNeeds } from './resolve-cors-needs';
import type { FixInput, RouteScope } from './types';

/** Keyword arguments of flask-cors' CORS(), spelled as flask-cors reads them; JSON-able. */
export type FlaskCorsKwargs = {
  origins: string[];
  methods: string[];
  allow_headers?: string[];
  expose_headers?: string[];
  supports_credentials: boolean;
  max_age: number;
};

// flask-cors treats an origin or allowed header containing any of these as a regex (core.probably_regex),
// e.g. an IPv6 origin's "[" or a "$" in a header token.
const FLASK_REGEX_HINTS = /[*\\\]?$^[()]/;

export function flaskCorsKwargs(input: FixInput): FlaskCorsKwargs {
  const needs = resolveCorsNeeds(input);
  return {
    origins: [flaskMatchPattern(needs.origin)],
    methods: needs.methods,
    ...(needs.allowHeaders.length > 0 ? { allow_headers: needs.allowHeaders.map(flaskMatchPattern) } : {}),
    ...(needs.exposeHeaders.length > 0 ? { expose_headers: needs.exposeHeaders } : {}),
    supports_credentials: needs.credentials,
    max_age: needs.maxAge,
  };
}

/** The `resources` key: a regex flask-cors matches (re.match) against the request path. */
export function flaskResourcePattern(scope: RouteScope): string {
  const escaped = escapeRegExp(scope.prefix);
  return scope.prefix.endsWith('/') ? `${escaped}.*` : escaped;
}

/** A plain value is compared as a string; one that looks like a regex must be an anchored, escaped regex. */
function flaskMatchPattern(value: string): string {
  return FLASK_REGEX_HINTS.test(value) ? `^${escapeRegExp(value)}$` : value;
}
