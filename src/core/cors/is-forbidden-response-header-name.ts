import { toLowerAscii } from './to-lower-ascii';

// Fetch §2.2.2 forbidden response-header name: `Set-Cookie`, `Set-Cookie2`. Hidden from script in every
// filtered response, even with Access-Control-Expose-Headers: *.
export function isForbiddenResponseHeaderName(name: string): boolean {
  const lower = toLowerAscii(name);
  return lower === 'set-cookie' || lower === 'set-cookie2';
}
