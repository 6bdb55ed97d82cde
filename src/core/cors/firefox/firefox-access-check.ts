import { corsCheck } from '../cors-check';
import { equalsLowerAscii, getNormalizedHeader } from '../get-normalized-header';
import { toPreflightError } from '../to-preflight-error';
import type { AccessCheckError, CorsFailure, CredentialsMode, HeaderList } from '../types';
import type { FirefoxCheckFailure } from './firefox-refusal';

export interface FirefoxAccessCheckInput {
  headers: HeaderList;
  credentials: CredentialsMode;
  /** The serialized origin Firefox compares with: the page's, or "null" once a redirect tainted it. */
  origin: string;
  /** The check runs on a preflight response (Chromium then names its errors Preflight*). */
  preflight?: boolean;
}

const ACAO = 'access-control-allow-origin';
const ACAC = 'access-control-allow-credentials';

/**
 * Firefox's CORS check on a response (netwerk/protocol/http/nsCORSListenerProxy.cpp, CheckRequestApproved), run on
 * every response of a CORS request — redirects and the preflight's too — in this order:
 *  1. more than one `Access-Control-Allow-Origin` line → CORSMultipleAllowOriginNotAllowed. Firefox counts the lines
 *     whose name is spelled exactly so (CheckOriginHeader compares the name as received, case-sensitively): lines
 *     spelled otherwise are joined with ", " like any repeated header and then fail the comparison in 4.
 *  2. none → CORSMissingAllowOrigin (with the status code).
 *  3. `*` with credentials → CORSNotSupportingCredentials.
 *  4. not `*` (or with credentials), and not byte-for-byte the origin → CORSAllowOriginNotMatchingOrigin, quoting
 *     the value (empty for a blank line: Firefox keeps empty response headers).
 *  5. with credentials, `Access-Control-Allow-Credentials` not exactly `true` → CORSMissingAllowCredentials.
 * Chromium's order is the same but for 1: it reads repeated lines as one list (MultipleAllowOriginValues).
 *
 * Firefox's webRequest shows repeated lines joined into one, under the first line's spelling (measured on 153): one
 * line holding "a, b" may have been one line or two. Where that decides between 1 and 4, the reason below is the
 * likelier one (two lines when both values are the same, one line listing several origins otherwise) and the other is
 * given as `alternative`.
 */
export function firefoxAccessCheck(input: FirefoxAccessCheckInput): FirefoxCheckFailure | undefined {
  const include = input.credentials === 'include';
  const allowOrigin = getNormalizedHeader(input.headers, ACAO);
  const allowCredentials = getNormalizedHeader(input.headers, ACAC);
  const chromium = (fallback: AccessCheckError, failedParameter: string): CorsFailure => {
    const same = corsCheck({
      allowOrigin,
      allowCredentials,
      credentials: input.credentials,
      origin: input.origin,
    });
    const failure = same ?? { error: fallback, failedParameter };
    return input.preflight ? { ...failure, error: toPreflightError(failure.error) } : failure;
  };
  const multiple: FirefoxCheckFailure = {
    reason: 'CORSMultipleAllowOriginNotAllowed',
    chromium: chromium('MultipleAllowOriginValues', allowOrigin ?? ''),
    header: ACAO,
  };
  const lines = allowOriginLines(input.headers);
  if (lines === 'several') return multiple;
  if (allowOrigin === undefined)
    return {
      reason: 'CORSMissingAllowOrigin',
      chromium: chromium('MissingAllowOriginHeader', ''),
      header: ACAO,
    };
  if (include && allowOrigin === '*')
    return {
      reason: 'CORSNotSupportingCredentials',
      chromium: chromium('WildcardOriginNotAllowed', ''),
      header: ACAO,
    };
  if ((include || allowOrigin !== '*') && allowOrigin !== input.origin) {
    const mismatch: FirefoxCheckFailure = {
      reason: 'CORSAllowOriginNotMatchingOrigin',
      detail: allowOrigin,
      chromium: chromium('AllowOriginMismatch', allowOrigin),
      header: ACAO,
    };
    if (lines !== 'maybe-several') return mismatch;
    const [first, ...rest] = allowOrigin.split(JOIN);
    const likelyRepeated = rest.every((value) => value === first);
    const [likely, other] = likelyRepeated ? [multiple, mismatch] : [mismatch, multiple];
    return {
      ...likely,
      alternative: { reason: other.reason, ...(other.detail === undefined ? {} : { detail: other.detail }) },
    };
  }
  if (include && allowCredentials !== 'true')
    return {
      reason: 'CORSMissingAllowCredentials',
      chromium: chromium('InvalidAllowCredentials', allowCredentials ?? ''),
      header: ACAC,
    };
  return undefined;
}

/** How a repeated header reads after Firefox's webRequest joined its lines. */
const JOIN = ', ';
const CANONICAL = 'Access-Control-Allow-Origin';

/**
 * Whether the response had more than one `Access-Control-Allow-Origin` line spelled exactly so: `several` when the
 * lines show it, `maybe-several` when one shown line may be several joined (at least two of them so spelled).
 */
function allowOriginLines(headers: HeaderList): 'one-or-none' | 'several' | 'maybe-several' {
  const lines = headers.filter(([name]) => equalsLowerAscii(name, ACAO));
  if (lines.filter(([name]) => name === CANONICAL).length > 1) return 'several';
  if (lines.length !== 1) return 'one-or-none';
  const [name, value] = lines[0] as [string, string];
  // The first line gives the joined line its name; each ", " may start another line spelled either way.
  const joins = value.split(JOIN).length - 1;
  return (name === CANONICAL ? 1 : 0) + joins > 1 ? 'maybe-several' : 'one-or-none';
}
