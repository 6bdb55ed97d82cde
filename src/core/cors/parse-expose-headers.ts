import { isHttpToken } from './is-http-token';
import { toLowerAscii } from './to-lower-ascii';
import { trimHttpTabOrSpace } from './trim-http-tab-or-space';

/**
 * Fetch §4.1 main fetch, CORS-exposed header-name list: `Access-Control-Expose-Headers` as a list of tokens.
 * Blink (platform/loader/cors/cors.cc ExtractCorsExposedHeaderNamesList, HTTPHeaderNameListParser) drops the
 * whole list when any entry is not a token ("not valid" → nothing exposed) and skips empty entries.
 * Returns lower-case names.
 */
export function parseExposeHeaders(value: string | undefined): string[] {
  if (value === undefined) return [];
  const out: string[] = [];
  for (const part of value.split(',')) {
    const entry = trimHttpTabOrSpace(part);
    if (entry === '') continue;
    if (!isHttpToken(entry)) return [];
    out.push(toLowerAscii(entry));
  }
  return out;
}
