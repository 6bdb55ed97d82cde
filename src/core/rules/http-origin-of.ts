/**
 * The origin of an http(s) URL; undefined for anything else or for text that does not parse (`localhost:5173`
 * parses as a URL of scheme `localhost:`).
 */
export function httpOriginOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
