import { getNormalizedHeader } from './get-normalized-header';
import type { HeaderList } from './types';

/** How long each browser keeps a preflight result at most (MDN Access-Control-Max-Age: Chromium 76+, Firefox). */
export const MAX_AGE_CAP_SECONDS = { chromium: 7_200, firefox: 86_400 } as const;
// Fetch §4.8 CORS-preflight fetch: "If max-age is failure or null, then set max-age to 5".
const DEFAULT_MAX_AGE_SECONDS = 5;

/** Seconds a browser with this cap keeps a preflight whose response had this Access-Control-Max-Age. */
export function preflightCacheSeconds(maxAge: string | undefined, cap: number): number {
  const value = maxAge?.trim();
  if (value === undefined || !/^-?\d+$/.test(value)) return DEFAULT_MAX_AGE_SECONDS;
  return Math.min(Math.max(Number(value), 0), cap);
}

export interface CachedPreflightInput {
  /** When the request sent without a preflight started. */
  startedAt: number;
  /** The passing preflight seen earlier for the same page and URL, if capture saw one. */
  source?: { answeredAt: number; headers: HeaderList };
}

/**
 * What to tell about a request the browser sent without its preflight because the preflight cache answered: the
 * Access-Control-Max-Age it came from, when it runs out, and that server changes stay invisible until then.
 * Chromium skips the cache while DevTools' "Disable cache" is on (measured with CDP Network.setCacheDisabled).
 */
export function cachedPreflightNotice(
  input: CachedPreflightInput,
  formatTime: (ms: number) => string,
): string[] {
  const stale =
    'Until then this browser does not ask the server again for requests like this one: a change to the server’s CORS configuration stays invisible. Chromium asks again while DevTools’ “Disable cache” is on.';
  const source = input.source;
  const maxAge =
    source === undefined ? undefined : getNormalizedHeader(source.headers, 'access-control-max-age');
  const until = (cap: number) =>
    source === undefined ? 0 : source.answeredAt + preflightCacheSeconds(maxAge, cap) * 1000;
  const chromium = until(MAX_AGE_CAP_SECONDS.chromium);
  const firefox = until(MAX_AGE_CAP_SECONDS.firefox);
  if (source === undefined || input.startedAt > Math.max(chromium, firefox)) {
    return [
      'Sent without a preflight: the browser answered it from its preflight cache, filled by a preflight sent before capture started, so the Access-Control-Max-Age it came from is unknown (Chromium keeps an entry at most 2 h, Firefox 24 h).',
      'Until that entry runs out, a change to the server’s CORS configuration stays invisible to this browser. Chromium asks again while DevTools’ “Disable cache” is on.',
    ];
  }
  const header =
    maxAge === undefined
      ? 'whose response had no Access-Control-Max-Age (kept 5 s)'
      : `whose \`Access-Control-Max-Age: ${maxAge}\``;
  const runsOut =
    chromium === firefox
      ? `keeps it until ${formatTime(chromium)}`
      : `keeps it until ${formatTime(chromium)} in Chromium (capped at 2 h) and ${formatTime(firefox)} in Firefox`;
  return [
    `Sent without a preflight: the browser answered it from its preflight cache, filled by the preflight at ${formatTime(source.answeredAt)} ${header} ${runsOut}.`,
    stale,
  ];
}
