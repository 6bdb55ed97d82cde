// Lab URLs for the observe tests' own cases (beyond the named scenarios), shared by the Chromium and Firefox tests.
import { specUrl } from '../lab/spec.mjs';

/** A PUT whose preflight allows it: `maxAge` lets the browser cache the preflight result. */
export function allowedPutUrl(api: string, pageOrigin: string, id: string, maxAge?: number): string {
  return specUrl(api, {
    id,
    preflight: {
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', pageOrigin],
        ['Access-Control-Allow-Methods', 'PUT'],
        ['Access-Control-Allow-Headers', 'content-type'],
        ...(maxAge === undefined ? [] : ([['Access-Control-Max-Age', String(maxAge)]] as [string, string][])),
      ],
    },
    response: { headers: [['Access-Control-Allow-Origin', pageOrigin]] },
  });
}

/** A PUT whose preflight is refused (no CORS headers): the browser never sends the actual request. */
export function refusedPutUrl(api: string, id: string): string {
  return specUrl(api, { id, preflight: { status: 204 }, response: { headers: [] } });
}

/** A simple GET the server allows. */
export function allowedGetUrl(api: string, pageOrigin: string, id: string): string {
  return specUrl(api, { id, response: { headers: [['Access-Control-Allow-Origin', pageOrigin]] } });
}

/**
 * Page-side: fires `count` JSON PUTs to `url` in parallel; resolves with how many the browser allowed. Firefox
 * bypasses its preflight cache for `cache: 'no-store'` requests: pass 'default' to let it use the cache.
 */
export const parallelPuts = `async (url, count, cache = 'no-store') => {
  const results = await Promise.all(Array.from({ length: count }, () =>
    fetch(url, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}', cache })
      .then((r) => r.ok, () => false)));
  return results.filter(Boolean).length;
}`;
