import type { FirefoxReason } from './types';

const BASE = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/';

// MDN documents CORS failures under the Firefox reason names; one page per reason.
export function mdnUrlFor(reason: FirefoxReason): string {
  return BASE + reason;
}
