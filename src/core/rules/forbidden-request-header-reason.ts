import { isForbiddenRequestHeader } from '../cors/is-forbidden-request-header';

// Which names are forbidden is the engine's (isForbiddenRequestHeader: Fetch §2.2.2 as Chromium enforces it). Page
// script can never send them, so they never appear in Access-Control-Request-Headers and allowing them has no
// effect: the reason says what to do instead. Names without a word of their own get SET_BY_BROWSER.
const SET_BY_BROWSER = 'the browser sets it itself and page script can never send it';
const REASONS = new Map<string, string>([
  ['cookie', `${SET_BY_BROWSER}. To send cookies, turn on "Allow credentials" instead`],
  ['cookie2', `${SET_BY_BROWSER}. To send cookies, turn on "Allow credentials" instead`],
  ['origin', `${SET_BY_BROWSER}; the override already answers it with the page origin`],
  ['user-agent', `${SET_BY_BROWSER} (Chromium forbids it although the Fetch standard no longer does)`],
  ['access-control-request-headers', `${SET_BY_BROWSER} on the preflight`],
  ['access-control-request-method', `${SET_BY_BROWSER} on the preflight`],
  ['access-control-request-private-network', `${SET_BY_BROWSER} on the preflight`],
  ['content-length', `${SET_BY_BROWSER} from the body`],
  ['set-cookie', 'it is a response header, never sent by page script'],
]);

/** Why page script cannot send this (lower-case) header name, or undefined when it can. */
export function forbiddenRequestHeaderReason(name: string): string | undefined {
  if (!isForbiddenRequestHeader(name, '')) return undefined;
  if (name.startsWith('sec-')) return `${SET_BY_BROWSER} (every sec- header is reserved for the browser)`;
  if (name.startsWith('proxy-')) return `${SET_BY_BROWSER} (every proxy- header is reserved for the browser)`;
  return REASONS.get(name) ?? SET_BY_BROWSER;
}
