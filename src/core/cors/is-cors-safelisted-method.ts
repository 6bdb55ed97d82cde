import { toUpperAscii } from './to-upper-ascii';

// Fetch §2.2.1 CORS-safelisted method: `GET`, `HEAD` or `POST`.
// Chromium (cors.cc IsCorsSafelistedMethod) upper-cases first, so `get` counts too; the spec compares bytes,
// but Blink has already normalised get/head/post to upper case (Fetch §2.2.1 normalize), so it agrees for
// requests made from script.
export function isCorsSafelistedMethod(method: string): boolean {
  const upper = toUpperAscii(method);
  return upper === 'GET' || upper === 'HEAD' || upper === 'POST';
}
