import type { HeaderList } from './events';
import { headerValue } from './header-value';

const scriptTypes = new Set(['xmlhttprequest', 'fetch', 'ping', 'beacon']);

/**
 * The request mode, from Sec-Fetch-Mode when the browser sent it (only to trustworthy URLs), else from Origin on a
 * GET/HEAD (browsers send it there only in cors mode), else from the resource type.
 */
export function inferRequestMode(method: string, headers: HeaderList, type: string): 'cors' | 'no-cors' {
  const secFetchMode = headerValue(headers, 'sec-fetch-mode')?.trim().toLowerCase();
  if (secFetchMode === 'cors' || secFetchMode === 'no-cors') return secFetchMode;
  const safe = method.toUpperCase() === 'GET' || method.toUpperCase() === 'HEAD';
  if (safe && headerValue(headers, 'origin') !== undefined) return 'cors';
  return scriptTypes.has(type) ? 'cors' : 'no-cors';
}
