import { assumedSchemeNote } from './assumed-scheme-note';
import { parseWebUrl } from './parse-web-url';
import type { Validation } from './types';

const EXAMPLE = 'http://localhost:5173';

/**
 * A page origin for a rule: exactly one http(s) origin, serialized (lower-case host, default port dropped), because
 * the override answers with it in Access-Control-Allow-Origin and the browser compares that byte for byte.
 * A bare `host:port` is accepted with http assumed for loopback hosts and https otherwise; the note says so.
 */
export function validateOrigin(input: string): Validation<string> {
  const text = input.trim();
  if (text.includes('*')) {
    return {
      ok: false,
      message: `Use an exact origin such as ${EXAMPLE} — wildcards are not allowed because an override must name one page.`,
    };
  }
  const parsed = parseWebUrl(text, 'page origin', EXAMPLE);
  if (!parsed.ok) return parsed;
  const { url } = parsed;
  const origin = url.origin;
  // What follows host[:port] as typed: the parsed URL forgets an empty '?' or '#'.
  const afterScheme = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const tailAt = afterScheme.search(/[/?#\\]/);
  const rest = tailAt === -1 ? '' : afterScheme.slice(tailAt);
  if ((rest !== '' && rest !== '/') || url.pathname !== '/') {
    return {
      ok: false,
      message: `Use the origin only — scheme, host and port, such as ${origin}. CORS compares whole origins, so "${rest}" is not needed: the override covers every page of ${origin}.`,
    };
  }
  if (parsed.assumedScheme !== undefined) {
    return { ok: true, value: origin, note: assumedSchemeNote(parsed.assumedScheme, origin) };
  }
  if (text !== origin && text !== `${origin}/`)
    return { ok: true, value: origin, note: `Normalised to ${origin}.` };
  return { ok: true, value: origin };
}
