// Fetch §2.2.1: only these six are upper-cased by the browser; any other method (e.g. "patch") is sent,
// and compared against Access-Control-Allow-Methods, exactly as written.
const NORMALIZED = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];

export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALIZED.includes(upper) ? upper : method;
}
