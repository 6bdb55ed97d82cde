import { isSecretParamName } from './is-secret-param-name';
import { looksLikeCredential } from './looks-like-credential';
import { rememberRecent } from './remember-recent';

const REDACTED_PART = 'redacted';
// A name=value pair of a query or a fragment (`#access_token=…&state=…`, `#/callback?code=…`).
const PARAM = /([?#&;])([^=&#;?]*)=([^&#;]*)/g;

/**
 * A URL with its secrets hidden and everything else byte for byte: the user name and password (keeping the fact
 * that there were some, which the engine needs: Fetch §4.4 HTTP-redirect fetch, RedirectContainsCredentials), and
 * the values of secret-named or token-shaped query and fragment parameters. `hidden` names what was hidden
 * (`userinfo` or the parameter's name), for the "values redacted" mark.
 */
export function redactUrlParts(url: string): { url: string; hidden: readonly string[] } {
  return redactUrlPartsOnce(url);
}

const redactUrlPartsOnce = rememberRecent((url: string): { url: string; hidden: readonly string[] } => {
  const hidden: string[] = [];
  let out = url;
  if (url.includes('@')) {
    try {
      const parsed = new URL(url);
      if (parsed.username !== '' || parsed.password !== '') {
        if (parsed.username !== '') parsed.username = REDACTED_PART;
        if (parsed.password !== '') parsed.password = REDACTED_PART;
        out = parsed.href;
        if (out !== url) hidden.push('userinfo');
      }
    } catch {
      // Not a URL: nothing to hide in its user info; its parameters are still looked at.
    }
  }
  const start = out.search(/[?#]/);
  if (start === -1) return { url: out, hidden };
  const tail = out.slice(start).replace(PARAM, (pair, separator: string, name: string, value: string) => {
    if (value === '' || value === REDACTED_PART) return pair;
    if (!isSecretParamName(decoded(name)) && !looksLikeCredential(decoded(value))) return pair;
    hidden.push(decoded(name).toLowerCase());
    return `${separator}${name}=${REDACTED_PART}`;
  });
  return { url: out.slice(0, start) + tail, hidden };
});

/** redactUrlParts, the URL only. */
export function redactUrl(url: string): string {
  return redactUrlParts(url).url;
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part.replaceAll('+', ' '));
  } catch {
    return part;
  }
}
