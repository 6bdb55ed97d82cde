import { hasCorsUnsafeRequestHeaderByte } from './is-cors-unsafe-request-header-byte';
import { isHttpToken } from './is-http-token';
import { toLowerAscii } from './to-lower-ascii';

const ESSENCES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

// Fetch §2.2.2 CORS-safelisted request-header, `Content-Type` branch: no unsafe byte, and the MIME type's
// essence is one of three. Chromium (cors.cc IsCorsSafelistedLowerCaseContentType →
// net::ExtractMimeTypeFromMediaType) does not run the full MIME sniffing parser: it cuts at the first `;`, needs
// exactly one `/`, trims leading space of the type and trailing space of the subtype, and needs two tokens.
export function isCorsSafelistedContentType(value: string): boolean {
  const lower = toLowerAscii(value);
  if (hasCorsUnsafeRequestHeaderByte(lower)) return false;
  const semicolon = lower.indexOf(';');
  const mime = semicolon === -1 ? lower : lower.slice(0, semicolon);
  const slash = mime.indexOf('/');
  if (slash === -1 || mime.indexOf('/', slash + 1) !== -1) return false;
  const type = mime.slice(0, slash).replace(LEADING_SPACE, '');
  const subtype = mime.slice(slash + 1).replace(TRAILING_SPACE, '');
  if (!isHttpToken(type) || !isHttpToken(subtype)) return false;
  return ESSENCES.has(`${type}/${subtype}`);
}

// base::TrimWhitespaceASCII: SP, HT, LF, VT, FF, CR. Precompiled once.
const LEADING_SPACE = /^[ \t\n\v\f\r]+/;
const TRAILING_SPACE = /[ \t\n\v\f\r]+$/;
