const REDACTED_USERINFO = 'redacted';

/**
 * Hides the user name and password a URL carries (a redirect to `http://user:pass@host/`), keeping the fact that
 * it has them: the engine still needs it (Fetch §4.4 HTTP-redirect fetch: RedirectContainsCredentials).
 */
export function redactUrl(url: string): string {
  if (!url.includes('@')) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.username === '' && parsed.password === '') return url;
  if (parsed.username !== '') parsed.username = REDACTED_USERINFO;
  if (parsed.password !== '') parsed.password = REDACTED_USERINFO;
  return parsed.href;
}
