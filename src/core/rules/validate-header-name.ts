import { toLowerAscii } from '../cors/to-lower-ascii';
import { describeTokenProblem } from './describe-token-problem';
import { forbiddenRequestHeaderReason } from './forbidden-request-header-reason';
import type { Validation } from './types';

/**
 * A request header name to list in Access-Control-Allow-Headers: a token (RFC 9110 §5.6.2), not `*` (literal under
 * credentials, and the model never uses wildcards), not a forbidden request-header. Lower-cased: header names are
 * case-insensitive and Access-Control-Request-Headers sends them lower-case.
 */
export function validateHeaderName(input: string): Validation<string> {
  const name = input.trim();
  if (name === '')
    return { ok: false, message: 'Enter a header name, such as content-type or authorization.' };
  if (name === '*') {
    return {
      ok: false,
      message:
        'Name each header, such as content-type, authorization: "*" is taken literally when credentials are allowed, so overrides always list headers.',
    };
  }
  const tokenProblem = describeTokenProblem(name, 'header name');
  if (tokenProblem !== undefined) return { ok: false, message: tokenProblem };
  const lower = toLowerAscii(name);
  const reason = forbiddenRequestHeaderReason(lower);
  if (reason !== undefined) return { ok: false, message: `${lower} cannot be allowed: ${reason}.` };
  return { ok: true, value: lower };
}
