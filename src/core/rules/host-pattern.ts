/** Host access to every http(s) site: what capturing needs (webRequest sees only granted hosts). */
export const ALL_HOSTS: readonly string[] = ['http://*/*', 'https://*/*'];

/**
 * The host permission pattern for an origin or URL, ports aside (match patterns ignore them):
 * "http://a.test:8080" → "http://a.test/*". A pattern (it has a `*`) passes through unchanged.
 */
export function hostPattern(originOrPattern: string): string {
  if (originOrPattern.includes('*')) return originOrPattern;
  const url = new URL(originOrPattern);
  return `${url.protocol}//${url.hostname}/*`;
}
