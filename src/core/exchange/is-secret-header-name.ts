// Header names whose values are credentials or session state, by rule rather than by list, since APIs invent
// their own (X-Api-Key, X-Auth-Token, X-CSRF-Token, X-Amz-Security-Token, X-Refresh-Token …). Over-matching costs
// a hidden value; under-matching leaks a secret into storage or an exported file.
const SECRET_PARTS = [
  'auth', // authorization, proxy-authorization, x-auth-token, www-authenticate
  'token',
  'key', // x-api-key, sec-websocket-key
  'secret',
  'passw',
  'session',
  'signature',
  'credential',
  'csrf',
  'xsrf',
  'jwt',
];
const SECRET_NAMES = new Set(['cookie', 'cookie2', 'set-cookie', 'set-cookie2']);

/** Whether the value of this header is a secret, whatever it looks like. The CORS protocol's own headers never are. */
export function isSecretHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('access-control-') || lower === 'origin') return false;
  return SECRET_NAMES.has(lower) || SECRET_PARTS.some((part) => lower.includes(part));
}
