// Fetch §2.2.1: a CORS-safelisted method is GET, HEAD or POST (byte-case-sensitive, after normalization).
export function isCorsSafelistedMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'POST';
}
