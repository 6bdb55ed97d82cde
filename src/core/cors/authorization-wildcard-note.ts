import { ensureAllowedHeaders } from './ensure-allowed-headers';
import { getNormalizedHeader } from './get-normalized-header';
import { parseAllowHeaders } from './parse-allow-headers';
import type { CredentialsMode, HeaderList } from './types';

/**
 * A preflight that passed in Chromium only because its `*` covered Authorization: Firefox and Safari follow
 * Fetch §2.2.2 (Authorization is a CORS non-wildcard request-header name) and block the same request.
 */
export function authorizationWildcardNote(
  preflightHeaders: HeaderList,
  requestHeaders: HeaderList,
  credentials: CredentialsMode,
): string | undefined {
  const allowed = parseAllowHeaders(getNormalizedHeader(preflightHeaders, 'access-control-allow-headers'));
  if (allowed === null) return undefined;
  const strict = ensureAllowedHeaders(requestHeaders, allowed, credentials === 'include', false);
  if (strict?.failedParameter !== 'authorization') return undefined;
  return 'Chromium lets `*` in Access-Control-Allow-Headers cover `Authorization`, but Firefox and Safari follow the Fetch standard and block this request: list `Authorization` by name in Access-Control-Allow-Headers.';
}
