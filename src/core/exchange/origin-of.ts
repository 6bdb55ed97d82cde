import { rememberRecent } from './remember-recent';

/**
 * An http(s) URL's scheme and authority, when a path, query or fragment follows: its origin depends on them alone
 * (the rest of such a URL never fails to parse), so the many URLs of one API share one parse. Not for an empty
 * authority (the parser skips extra slashes) nor one with a space or control character (the parser drops some).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not be in the authority
const HTTP_AUTHORITY = /^https?:\/\/[^/?#\\\x00-\x20]+(?=[/?#\\])/i;

/** The serialised origin of a URL, or undefined when it does not parse. Opaque origins serialise as "null". */
export function originOf(url: string): string | undefined {
  return parsedOrigin(HTTP_AUTHORITY.exec(url)?.[0] ?? url);
}

// Capture asks this on every request: parsing each new URL was a tenth of its work.
const parsedOrigin = rememberRecent((url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
});
