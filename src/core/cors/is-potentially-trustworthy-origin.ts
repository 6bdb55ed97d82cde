import { parseUrl } from './parse-url';

/**
 * Secure Contexts §3.1 "Is origin potentially trustworthy?" for a serialized origin: https/wss, loopback hosts
 * (127.0.0.0/8, ::1, localhost and *.localhost) and file:. A page on such an origin is a secure context (top-level).
 */
export function isPotentiallyTrustworthyOrigin(origin: string): boolean {
  if (origin === 'null') return false;
  const parsed = parseUrl(origin);
  if (parsed === null) return false;
  if (parsed.scheme === 'https' || parsed.scheme === 'wss' || parsed.scheme === 'file') return true;
  const host = new URL(origin).hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}
