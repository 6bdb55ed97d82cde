import { assumedSchemeNote } from './assumed-scheme-note';
import { parseWebUrl } from './parse-web-url';
import type { RuleTarget, Validation } from './types';

const EXAMPLE = 'https://api.example.com/v1/';

/**
 * A target: an http(s) origin and a path prefix ('/' when none). The prefix becomes part of a DNR urlFilter, where
 * `*`, `^` and `|` are operators, so they are refused here rather than escaped (urlFilter has no escape).
 * The prefix is matched as a plain string prefix: `/v1` also covers `/v1beta`; end it with '/' to stop at a segment.
 */
export function validateTarget(input: string): Validation<RuleTarget> {
  const text = input.trim();
  if (text.includes('*')) {
    return {
      ok: false,
      message: `Use an exact origin, optionally with a path, such as ${EXAMPLE} — wildcards are not allowed: a path prefix already covers everything below it.`,
    };
  }
  const parsed = parseWebUrl(text, 'target', EXAMPLE);
  if (!parsed.ok) return parsed;
  const { url } = parsed;
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(text)) {
    return {
      ok: false,
      message: `Remove the query or fragment (from "${text.slice(text.search(/[?#]/))}"): a target is an origin with an optional path prefix, such as ${EXAMPLE}.`,
    };
  }
  const special = /[|^]/.exec(url.pathname)?.[0];
  if (special !== undefined) {
    return {
      ok: false,
      message: `The path cannot contain "${special}": the browser's URL filter reads it as an operator, so it cannot be matched exactly. End the path prefix before it.`,
    };
  }
  const value: RuleTarget = { origin: url.origin, pathPrefix: url.pathname };
  const shown = `${value.origin}${value.pathPrefix === '/' ? '' : value.pathPrefix}`;
  if (parsed.assumedScheme !== undefined) {
    return { ok: true, value, note: assumedSchemeNote(parsed.assumedScheme, shown) };
  }
  if (text !== shown && text !== `${shown}/` && text !== `${value.origin}${value.pathPrefix}`) {
    return { ok: true, value, note: `Normalised to ${shown}.` };
  }
  return { ok: true, value };
}
