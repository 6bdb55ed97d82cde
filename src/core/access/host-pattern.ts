/**
 * The host permission pattern for an origin or URL: `http://a.test:8080/x` → `http://a.test/*`. Host permissions
 * have no port (match patterns ignore it), so one grant covers every dev server on that host. Patterns (already
 * containing `*`) pass through unchanged.
 */
export function hostPattern(originOrPattern: string): string {
  if (originOrPattern.includes('*')) return originOrPattern;
  const url = new URL(originOrPattern);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Distinct patterns for a list of origins, in first-seen order. */
export function hostPatterns(originsOrPatterns: readonly string[]): string[] {
  return [...new Set(originsOrPatterns.map(hostPattern))];
}

/** Every http(s) host: what capturing needs to see a page's cross-origin requests wherever they go. */
export const ALL_HOSTS: readonly string[] = ['http://*/*', 'https://*/*'];
