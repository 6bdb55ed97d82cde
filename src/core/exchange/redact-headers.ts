import type { HeaderList } from './events';
import { redactUrl } from './redact-url';

export const REDACTED = '<redacted>';

const secretHeaders = new Set(['authorization', 'cookie', 'set-cookie', 'proxy-authorization']);

/**
 * Hides secret values but keeps the names: the verdict needs to know a cookie was sent, never what it was. A
 * Location's user name and password are hidden too (redactUrl).
 */
export function redactHeaders(headers: HeaderList): HeaderList {
  return headers.map(([name, value]) => {
    const lower = name.toLowerCase();
    return [name, secretHeaders.has(lower) ? REDACTED : lower === 'location' ? redactUrl(value) : value];
  });
}
