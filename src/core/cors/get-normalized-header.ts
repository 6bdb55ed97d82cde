import { trimHttpTabOrSpace } from './trim-http-tab-or-space';
import type { HeaderList } from './types';

/**
 * The value Chromium's CORS code reads for a response header: net::HttpResponseHeaders::GetNormalizedHeader.
 * Each line's value is trimmed of SP/HTAB; repeated lines are joined with ", " (so two ACAO lines `a` and `b`
 * read as "a, b"); commas inside one line are kept as sent. Undefined when the header is absent.
 * Fetch §2.2 "get" does the same join with ", " (0x2C 0x20).
 */
export function getNormalizedHeader(headers: HeaderList, lowerName: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < headers.length; i++) {
    const entry = headers[i];
    if (entry === undefined || !equalsLowerAscii(entry[0], lowerName)) continue;
    const part = trimHttpTabOrSpace(entry[1]);
    value = value === undefined ? part : `${value}, ${part}`;
  }
  return value;
}

/** ASCII case-insensitive comparison against an already lower-case name, without allocating. */
export function equalsLowerAscii(name: string, lowerName: string): boolean {
  if (name.length !== lowerName.length) return false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    if (c !== lowerName.charCodeAt(i)) return false;
  }
  return true;
}
