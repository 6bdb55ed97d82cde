import { corsUnsafeRequestHeaderNames } from './cors-unsafe-request-header-names';
import { ensureAllowedHeaders } from './ensure-allowed-headers';
import { getNormalizedHeader } from './get-normalized-header';
import { parseAllowHeaders } from './parse-allow-headers';
import type { CredentialsMode, HeaderList } from './types';

/**
 * A preflight (sent, or answered from the preflight cache) that passed only because its `*` covered Authorization.
 * Chromium 156 and Firefox 153 allow it (measured; Chromium 156 then re-sends the preflight for every such request
 * instead of using its cache, Max-Age or not), but Fetch §2.2.2 makes Authorization a CORS non-wildcard
 * request-header name: a browser that follows the standard blocks the request, so the developer should list it
 * by name.
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
  const names = corsUnsafeRequestHeaderNames(requestHeaders);
  return `This request relies on \`*\` in Access-Control-Allow-Headers covering \`Authorization\`, which Chromium and Firefox still accept; the Fetch standard does not (Authorization is never covered by \`*\`), so a browser that follows it blocks this request; Chromium already never answers it from its preflight cache (each such request sends its preflight again, whatever Access-Control-Max-Age says). List \`Authorization\` by name in Access-Control-Allow-Headers. One-line fix: \`Access-Control-Allow-Headers: ${names.join(', ')}\``;
}
