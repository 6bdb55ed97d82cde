import { toUpperAscii } from '../cors/to-upper-ascii';
import { describeTokenProblem } from './describe-token-problem';
import type { Validation } from './types';

// Fetch §2.2.1: fetch() upper-cases only these, whatever the page wrote; every other method goes out as written
// and Access-Control-Allow-Methods is compared case-sensitively, so `patch` must be listed as `patch`.
const NORMALIZED = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
// Fetch §2.2.1 forbidden methods: fetch() throws before any request is made.
const FORBIDDEN = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** A method for Access-Control-Allow-Methods: a token, not forbidden, spelled the way fetch() will send it. */
export function validateMethod(input: string): Validation<string> {
  const method = input.trim();
  if (method === '') return { ok: false, message: 'Enter a method, such as GET or PUT.' };
  if (method === '*') {
    return {
      ok: false,
      message:
        'List the methods, such as GET, PUT: "*" is taken literally when credentials are allowed, so overrides always list them.',
    };
  }
  const tokenProblem = describeTokenProblem(method, 'method');
  if (tokenProblem !== undefined) return { ok: false, message: tokenProblem };
  const upper = toUpperAscii(method);
  if (FORBIDDEN.has(upper)) {
    return {
      ok: false,
      message: `${upper} is a forbidden method: fetch() refuses to send it, so no override can allow it.`,
    };
  }
  if (NORMALIZED.has(upper)) {
    if (upper === method) return { ok: true, value: method };
    return {
      ok: true,
      value: upper,
      note: `Listed as ${upper}: fetch() upper-cases ${method} before sending it.`,
    };
  }
  if (upper !== method) {
    return {
      ok: true,
      value: method,
      note: `Kept as ${method}, case matters: fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT, and sends ${method} exactly as written. Use ${upper} if the page sends ${upper}.`,
    };
  }
  return { ok: true, value: method };
}
