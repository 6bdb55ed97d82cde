// Firefox's own verdict, read from its console: every CORS refusal is logged as "Cross-Origin Request Blocked: The
// Same Origin Policy disallows reading the remote resource at URL. (Reason: …)." with, for some reasons, "Status
// code: N." after it. The words are Firefox's (dom/locales/en-US/chrome/security/security.properties, the CORS*
// strings), written out here rather than taken from the product, so the oracle stays independent.

export interface FirefoxConsoleReason {
  /** The URL Firefox names: the one that failed (after a redirect, the URL that answered). */
  url: string;
  /** The MDN name of the reason, e.g. CORSMissingAllowOrigin. */
  reason: string;
  /** The value Firefox quotes in the reason (the Access-Control-Allow-Origin value, the bad token, the header). */
  detail?: string;
  /** "Status code: N." where Firefox adds it ('(null)' when it had none). */
  status?: string;
  text: string;
}

const REASONS: [RegExp, string][] = [
  [/^CORS disabled$/, 'CORSDisabled'],
  [/^CORS request did not succeed$/, 'CORSDidNotSucceed'],
  [/^CORS header ‘Origin’ cannot be added$/, 'CORSOriginHeaderNotAdded'],
  [/^CORS request external redirect not allowed$/, 'CORSExternalRedirectNotAllowed'],
  [/^CORS request not http$/, 'CORSRequestNotHttp'],
  [/^CORS header ‘Access-Control-Allow-Origin’ missing$/, 'CORSMissingAllowOrigin'],
  [/^Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed$/, 'CORSMultipleAllowOriginNotAllowed'],
  [/^CORS header ‘Access-Control-Allow-Origin’ does not match ‘(.*)’$/, 'CORSAllowOriginNotMatchingOrigin'],
  [
    /^Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘\*’$/,
    'CORSNotSupportingCredentials',
  ],
  [/^Did not find method in CORS header ‘Access-Control-Allow-Methods’$/, 'CORSMethodNotFound'],
  [/^expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’$/, 'CORSMissingAllowCredentials'],
  [/^CORS preflight response did not succeed$/, 'CORSPreflightDidNotSucceed'],
  [/^invalid token ‘(.*)’ in CORS header ‘Access-Control-Allow-Methods’$/, 'CORSInvalidAllowMethod'],
  [/^invalid token ‘(.*)’ in CORS header ‘Access-Control-Allow-Headers’$/, 'CORSInvalidAllowHeader'],
  [
    /^header ‘(.*)’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response$/,
    'CORSMissingAllowHeaderFromPreflight',
  ],
];

const MESSAGE =
  /^Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ‘?(.+?)’?\. \(Reason: (.*?)\)\.(?: Status code: (.*)\.)?$/s;

/** The reason in one console message, or undefined when the message is not a CORS refusal. */
export function parseFirefoxConsole(text: string): FirefoxConsoleReason | undefined {
  const m = MESSAGE.exec(text.trim());
  if (!m) return undefined;
  const [, url = '', words = '', status] = m;
  for (const [pattern, reason] of REASONS) {
    const hit = pattern.exec(words);
    if (hit)
      return {
        url,
        reason,
        ...(hit[1] === undefined ? {} : { detail: hit[1] }),
        ...(status === undefined ? {} : { status }),
        text,
      };
  }
  throw new Error(`a Firefox CORS message with a reason this oracle does not know: ${text}`);
}
