import { isCorsSafelistedResponseHeaderName } from '../cors/is-cors-safelisted-response-header-name';
import { toLowerAscii } from '../cors/to-lower-ascii';
import { describeTokenProblem } from './describe-token-problem';
import type { Validation } from './types';

/**
 * A response header name to list in Access-Control-Expose-Headers. Fetch §3.2.3: `*` exposes everything only
 * without credentials, so the model lists names; set-cookie is never exposed (forbidden response-header name).
 */
export function validateExposeHeaderName(input: string): Validation<string> {
  const name = input.trim();
  if (name === '') return { ok: false, message: 'Enter a response header name, such as x-request-id.' };
  if (name === '*') {
    return {
      ok: false,
      message:
        'Name each header to expose, such as x-request-id: "*" exposes nothing when credentials are allowed, so overrides always list headers.',
    };
  }
  const tokenProblem = describeTokenProblem(name, 'header name');
  if (tokenProblem !== undefined) return { ok: false, message: tokenProblem };
  const lower = toLowerAscii(name);
  if (lower === 'set-cookie' || lower === 'set-cookie2') {
    return {
      ok: false,
      message: `${lower} is never readable by page script, whatever the server exposes; remove it.`,
    };
  }
  if (isCorsSafelistedResponseHeaderName(lower)) {
    return {
      ok: true,
      value: lower,
      note: `${lower} is readable without being exposed; listing it does no harm.`,
    };
  }
  return { ok: true, value: lower };
}
