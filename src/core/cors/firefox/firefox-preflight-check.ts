import { getNormalizedHeader } from '../get-normalized-header';
import { isHttpToken } from '../is-http-token';
import { trimHttpTabOrSpace } from '../trim-http-tab-or-space';
import type { CredentialsMode, HeaderList } from '../types';
import { firefoxAccessCheck } from './firefox-access-check';
import type { FirefoxCheckFailure } from './firefox-refusal';

export interface FirefoxPreflightInput {
  status: number;
  headers: HeaderList;
  /** Where the preflight response redirects, when it is a redirect. */
  location?: string;
  /** The request method as Firefox sends it in Access-Control-Request-Method. */
  method: string;
  /** The names Firefox lists in Access-Control-Request-Headers: lower-case, sorted. */
  unsafeHeaderNames: readonly string[];
  credentials: CredentialsMode;
  origin: string;
}

const ACAM = 'access-control-allow-methods';
const ACAH = 'access-control-allow-headers';
// nsHttpChannel follows these statuses when they come with a Location.
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);

/**
 * Firefox's preflight checks (netwerk/protocol/http/nsCORSListenerProxy.cpp), in the order they run:
 *  1. The CORS check on the OPTIONS response (the preflight channel has its own nsCORSListenerProxy, whose
 *     CheckRequestApproved runs before anything else, a redirect included): see firefoxAccessCheck.
 *  2. A redirect → CORSExternalRedirectNotAllowed (nsCORSPreflightListener::AsyncOnChannelRedirect). Chromium
 *     reports PreflightDisallowedRedirect whatever the headers said; Firefox names a bad ACAO first.
 *  3. A status outside 200–299 → CORSPreflightDidNotSucceed (CheckPreflightRequestApproved).
 *  4. Access-Control-Allow-Methods, split on ',' with empty entries skipped: the first entry that is not a token →
 *     CORSInvalidAllowMethod quoting it; then the method must be GET/HEAD/POST, equal an entry byte for byte, or meet
 *     `*` without credentials → else CORSMethodNotFound. Chromium parses both lists before checking the method, so a
 *     bad Access-Control-Allow-Headers wins there; in Firefox a missing method does.
 *  5. Access-Control-Allow-Headers, the same way: an entry that is not a token → CORSInvalidAllowHeader; `*` without
 *     credentials covers every header but Authorization, which it still covers while the pref
 *     network.cors_preflight.authorization_covered_by_wildcard is on (Firefox 153's default; a warning is logged);
 *     otherwise the first name of Access-Control-Request-Headers (sorted, lower-case: firefoxUnsafeRequestHeaders) that is not listed
 *     (case-insensitively) → CORSMissingAllowHeaderFromPreflight quoting it. Chromium names the first one in the
 *     request's own header order.
 */
export function firefoxPreflightCheck(input: FirefoxPreflightInput): FirefoxCheckFailure | undefined {
  const access = firefoxAccessCheck({
    headers: input.headers,
    credentials: input.credentials,
    origin: input.origin,
    preflight: true,
  });
  if (access !== undefined) return access;
  const location = input.location ?? getNormalizedHeader(input.headers, 'location');
  if (REDIRECT_CODES.has(input.status) && location !== undefined && location !== '')
    return {
      reason: 'CORSExternalRedirectNotAllowed',
      chromium: { error: 'PreflightDisallowedRedirect', failedParameter: '' },
      header: 'location',
    };
  if (input.status < 200 || input.status > 299)
    return {
      reason: 'CORSPreflightDidNotSucceed',
      chromium: { error: 'PreflightInvalidStatus', failedParameter: '' },
    };
  const include = input.credentials === 'include';

  const methods = entries(getNormalizedHeader(input.headers, ACAM));
  const badMethod = methods.find((m) => !isHttpToken(m));
  if (badMethod !== undefined)
    return {
      reason: 'CORSInvalidAllowMethod',
      detail: badMethod,
      chromium: { error: 'InvalidAllowMethodsPreflightResponse', failedParameter: '' },
      header: ACAM,
    };
  const method = input.method;
  const methodFound =
    method === 'GET' ||
    method === 'HEAD' ||
    method === 'POST' ||
    methods.some((m) => m === method || (m === '*' && !include));
  if (!methodFound)
    return {
      reason: 'CORSMethodNotFound',
      chromium: { error: 'MethodDisallowedByPreflightResponse', failedParameter: method },
      header: ACAM,
    };

  const allowed = entries(getNormalizedHeader(input.headers, ACAH));
  const badHeader = allowed.find((h) => !isHttpToken(h));
  if (badHeader !== undefined)
    return {
      reason: 'CORSInvalidAllowHeader',
      detail: badHeader,
      chromium: { error: 'InvalidAllowHeadersPreflightResponse', failedParameter: '' },
      header: ACAH,
    };
  const wildcard = !include && allowed.includes('*');
  const listed = new Set(allowed.filter((h) => include || h !== '*').map((h) => h.toLowerCase()));
  for (const name of input.unsafeHeaderNames) {
    if (wildcard || listed.has(name)) continue;
    return {
      reason: 'CORSMissingAllowHeaderFromPreflight',
      detail: name,
      chromium: { error: 'HeaderDisallowedByPreflightResponse', failedParameter: name },
      header: ACAH,
    };
  }
  return undefined;
}

/** nsCCharSeparatedTokenizer over ',': entries trimmed of whitespace, empty ones skipped. */
function entries(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((entry) => trimHttpTabOrSpace(entry))
    .filter((entry) => entry.length > 0);
}
