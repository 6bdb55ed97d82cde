import { isHttpToken } from './is-http-token';
import { toLowerAscii } from './to-lower-ascii';
import { trimHttpTabOrSpace } from './trim-http-tab-or-space';

/**
 * Chromium's ACAM/ACAH parser (services/network/cors/preflight_result.cc ParseAccessControlAllowList):
 * net::HttpUtil::ValuesIterator over ',' (quote-aware, SP/HTAB trimmed, empty entries skipped), every entry
 * must be a token. Fetch §3.3.6 (#http-new-header-syntax) allows the same: `#token`.
 * Returns null when the value is not such a list; an absent header is an empty list.
 */
export function parseAccessControlAllowList(value: string | undefined, lowerCase: boolean): string[] | null {
  if (value === undefined) return [];
  const out: string[] = [];
  let start = 0;
  let inQuote = false;
  for (let i = 0; i <= value.length; i++) {
    const c = i === value.length ? 0x2c : value.charCodeAt(i);
    if (c === 0x22) inQuote = !inQuote;
    if (c !== 0x2c || (inQuote && i < value.length)) continue;
    const entry = trimHttpTabOrSpace(value.slice(start, i));
    start = i + 1;
    if (entry.length === 0) continue;
    // A quoted entry can never be a token, so the quote-aware split only changes which entry fails.
    if (!isHttpToken(entry)) return null;
    out.push(lowerCase ? toLowerAscii(entry) : entry);
  }
  return out;
}
