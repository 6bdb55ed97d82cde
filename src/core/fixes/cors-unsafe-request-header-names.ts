import { isCorsSafelistedRequestHeader } from './is-cors-safelisted-request-header';

// Headers the browser adds itself (Fetch §2.2.2 forbidden request-header names, plus Chromium's User-Agent):
// they are never in a preflight's Access-Control-Request-Headers.
const BROWSER_CONTROLLED = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'via',
]);

/** Fetch §2.2.2 "CORS-unsafe request-header names": sorted, lower-case, as the preflight lists them. */
export function corsUnsafeRequestHeaderNames(headers: readonly (readonly [string, string])[]): string[] {
  const scriptSet = headers.filter(([name]) => {
    const lower = name.toLowerCase();
    return !BROWSER_CONTROLLED.has(lower) && !lower.startsWith('proxy-') && !lower.startsWith('sec-');
  });
  const unsafe: string[] = [];
  let safelistedValueBytes = 0;
  for (const [name, value] of scriptSet) {
    if (isCorsSafelistedRequestHeader(name, value)) safelistedValueBytes += value.length;
    else unsafe.push(name.toLowerCase());
  }
  // Safelisted values totalling over 1024 bytes make every header unsafe.
  const names = safelistedValueBytes > 1024 ? scriptSet.map(([name]) => name.toLowerCase()) : unsafe;
  return [...new Set(names)].sort();
}
