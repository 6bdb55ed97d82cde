/** The parts of a URL the CORS algorithms need. */
export interface ParsedUrl {
  /** Lower-case scheme without ':'. */
  scheme: string;
  /** Serialized origin ("null" for opaque origins such as data: or file:). */
  origin: string;
  /** The URL includes a username or password (Fetch §4.4 HTTP-redirect fetch, credentials check). */
  hasCredentials: boolean;
  href: string;
}

// Parsing with the WHATWG URL parser is the slow part of evaluate(); the same few URLs repeat across
// exchanges, so a bounded cache keeps the common case allocation-free.
const cache = new Map<string, ParsedUrl | null>();
const CACHE_MAX = 512;

/** Parses an absolute URL (or one relative to base); null when it does not parse. */
export function parseUrl(url: string, base?: string): ParsedUrl | null {
  const simple = parseSimpleHttpUrl(url);
  if (simple !== null) return simple;
  const key = base === undefined ? url : `${base}\u0000${url}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const parsed = parseUncached(url, base);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, parsed);
  return parsed;
}

function parseUncached(url: string, base: string | undefined): ParsedUrl | null {
  let u: URL;
  try {
    u = base === undefined ? new URL(url) : new URL(url, base);
  } catch {
    return null;
  }
  const scheme = u.protocol.slice(0, -1);
  return {
    scheme,
    // URL#origin is "null" for schemes without a tuple origin, matching url::Origin::Serialize().
    origin: u.origin,
    hasCredentials: u.username !== '' || u.password !== '',
    href: u.href,
  };
}

/**
 * Fast path for the common absolute `http(s)://host[:port]/...` with a plain lower-case host: the origin can be
 * read off the string with the same result as the URL parser. Anything unusual (upper case, userinfo, IPv6,
 * percent-escapes, non-canonical IPv4 or port) returns null and takes the full parser.
 */
function parseSimpleHttpUrl(url: string): ParsedUrl | null {
  let scheme: 'http' | 'https';
  let start: number;
  if (url.startsWith('http://')) {
    scheme = 'http';
    start = 7;
  } else if (url.startsWith('https://')) {
    scheme = 'https';
    start = 8;
  } else {
    return null;
  }
  let end = start;
  let colon = -1;
  while (end < url.length) {
    const c = url.charCodeAt(end);
    if (c === 0x2f || c === 0x3f || c === 0x23) break; // / ? #
    if (c === 0x3a) {
      if (colon !== -1) return null;
      colon = end;
    } else if (colon === -1 ? !isHostChar(c) : c < 0x30 || c > 0x39) {
      return null;
    }
    end++;
  }
  const host = url.slice(start, colon === -1 ? end : colon);
  if (host === '' || !isPlainHost(host)) return null;
  let port = colon === -1 ? '' : url.slice(colon + 1, end);
  if (port.length > 5 || (port.length > 1 && port.charCodeAt(0) === 0x30)) return null;
  if (port !== '' && Number(port) > 65535) return null;
  if ((scheme === 'http' && port === '80') || (scheme === 'https' && port === '443')) port = '';
  return {
    scheme,
    origin: port === '' ? `${scheme}://${host}` : `${scheme}://${host}:${port}`,
    hasCredentials: false,
    // The path is left as written: it never changes the origin.
    href: url,
  };
}

function isHostChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

// A host whose last label starts with a digit is parsed as IPv4 by the URL standard; accept only the
// canonical dotted-decimal form, which it leaves unchanged.
function isPlainHost(host: string): boolean {
  const lastDot = host.lastIndexOf('.', host.length - 2);
  const last = host.charCodeAt(lastDot + 1);
  if (last < 0x30 || last > 0x39) return !host.startsWith('.') && !host.includes('..');
  let parts = 0;
  let partStart = 0;
  for (let i = 0; i <= host.length; i++) {
    if (i < host.length && host.charCodeAt(i) !== 0x2e) continue;
    const part = host.slice(partStart, i);
    partStart = i + 1;
    parts++;
    if (
      part.length === 0 ||
      part.length > 3 ||
      !isDigits(part) ||
      (part.length > 1 && part.charCodeAt(0) === 0x30)
    ) {
      return false;
    }
    if (Number(part) > 255) return false;
  }
  return parts === 4;
}

function isDigits(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
