import type { HeaderList } from './events';

export const REDACTED = '<redacted>';

const secretHeaders = new Set(['authorization', 'cookie', 'set-cookie', 'proxy-authorization']);

/** Hides secret values but keeps the names: the verdict needs to know a cookie was sent, never what it was. */
export function redactHeaders(headers: HeaderList): HeaderList {
  return headers.map(([name, value]) => [name, secretHeaders.has(name.toLowerCase()) ? REDACTED : value]);
}
