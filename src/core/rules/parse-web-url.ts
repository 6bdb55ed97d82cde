export type ParsedWebUrl =
  | {
      ok: true;
      url: URL /** Set when the input had no scheme and we chose one. */;
      assumedScheme?: 'http' | 'https';
    }
  | { ok: false; message: string };

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
const KNOWN_SCHEMES = new Set([
  'about',
  'blob',
  'chrome',
  'chrome-extension',
  'data',
  'file',
  'ftp',
  'javascript',
  'mailto',
  'moz-extension',
  'tel',
  'view-source',
  'ws',
  'wss',
]);
// host[:port] then end, '/', '?' or '#': what people paste from a terminal ("localhost:5173").
const BARE_HOST = /^(\[[0-9a-fA-F:.]+\]|[^\s/?#@:[\]]+)(:\d+)?(?=$|[/?#])/;

/**
 * Parses what someone typed as a page origin or a target into an http(s) URL, or says what is wrong. Shared by
 * validateOrigin and validateTarget, which then check the parts they care about.
 * `what` names the field in messages; `example` shows the expected shape.
 */
export function parseWebUrl(input: string, what: string, example: string): ParsedWebUrl {
  const text = input.trim();
  if (text === '') return fail(`Enter the ${what}, such as ${example}.`);
  if (text === 'null') {
    return fail(
      `"null" is the opaque origin of sandboxed frames and file: pages, which no override can name: use an http(s) ${what} such as ${example}.`,
    );
  }
  if (/\s/.test(text)) return fail(`Remove the spaces: write the ${what} as one URL, such as ${example}.`);

  let candidate = text;
  let assumedScheme: 'http' | 'https' | undefined;
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(text)) {
    const bare = BARE_HOST.exec(text);
    if (bare?.[1] !== undefined) {
      assumedScheme = isLocalHost(bare[1].toLowerCase()) ? 'http' : 'https';
      candidate = `${assumedScheme}://${text}`;
    } else {
      const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
      // "user:pw@host" looks like scheme "user": only a scheme we know is taken as one.
      if (scheme !== undefined && (KNOWN_SCHEMES.has(scheme) || !text.includes('@'))) {
        return schemeMessage(`${scheme}:`, what, example);
      }
      if (text.includes('@')) return credentialsMessage(what, example);
      return fail(`"${text}" is not a URL: write the ${what} like ${example}.`);
    }
  }

  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return fail(
      `"${text}" is not a valid URL: check the host name, and that the port is a number from 1 to 65535.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return schemeMessage(url.protocol, what, example);
  if (url.username !== '' || url.password !== '') return credentialsMessage(what, example);
  // The URL parser decodes and accepts hosts such as "%2A" (→ "*"), which DNR would read as a wildcard: only
  // names and IP literals can be serialized back into an origin the browser compares byte for byte.
  if (!isHostName(url.hostname))
    return fail(
      `"${url.hostname}" is not a host name: use letters, digits, hyphens and dots, or an IP address, such as ${example}.`,
    );
  return assumedScheme === undefined ? { ok: true, url } : { ok: true, url, assumedScheme };
}

/** A DNS name (letters, digits, hyphens; underscores, which dev setups use) or an IPv4/IPv6 literal. */
function isHostName(host: string): boolean {
  return (
    /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?$/.test(host) ||
    /^\[[0-9a-f:.]+\]$/.test(host)
  );
}

/** Hosts that dev servers listen on, served over plain http by default. */
export function isLocalHost(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    host === '0.0.0.0' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

function fail(message: string): ParsedWebUrl {
  return { ok: false, message };
}

function schemeMessage(scheme: string, what: string, example: string): ParsedWebUrl {
  return fail(
    `Only http: and https: ${what}s can be overridden; "${scheme}" is not one. Use a web address such as ${example}.`,
  );
}

function credentialsMessage(what: string, example: string): ParsedWebUrl {
  return fail(
    `Remove the user name and password ("user:pass@"): an origin has no credentials in it. Write the ${what} like ${example}.`,
  );
}
