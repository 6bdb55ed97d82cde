import { hasCorsSafelistedName } from '../cors/check-cors-safelisted-request-header';
import type { HeaderList } from './events';
import { isSecretHeaderName } from './is-secret-header-name';
import { looksLikeCredential } from './looks-like-credential';
import { redactUrl } from './redact-url';
import { rememberRecentPairs } from './remember-recent';

export const REDACTED = '<redacted>';

// Headers whose value is a URL: their secrets are the URL's (redactUrl), the rest of the URL stays readable.
const URL_HEADERS = new Set(['location', 'content-location', 'referer']);

/**
 * The value of one header as it may be stored or exported. Names are never touched (the verdict needs to know a
 * cookie was sent, never what it was), nor are values the CORS protocol reads: Access-Control-*, Origin, and the
 * headers of the CORS-safelisted names (Fetch §2.2.2), whose value decides whether and why a request is preflighted.
 */
export const redactHeaderValue = rememberRecentPairs((name: string, value: string): string => {
  const lower = name.toLowerCase();
  if (URL_HEADERS.has(lower)) return redactUrl(value);
  if (isSecretHeaderName(lower)) return value === '' ? value : REDACTED;
  if (lower.startsWith('access-control-') || lower === 'origin') return value;
  if (hasCorsSafelistedName(lower)) return value;
  return looksLikeCredential(value) ? REDACTED : value;
});

/** Every value hidden that redactHeaderValue hides; names, order and duplicates kept. */
export function redactHeaders(headers: HeaderList): HeaderList {
  return headers.map(([name, value]) => [name, redactHeaderValue(name, value)]);
}
