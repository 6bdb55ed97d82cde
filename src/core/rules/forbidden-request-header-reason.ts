// Fetch §2.2.2 forbidden request-header names, as Chromium 156 enforces them (it also forbids user-agent, dnt and
// access-control-request-private-network). Page script can never send these, so they never appear in
// Access-Control-Request-Headers and allowing them has no effect: the reason says what to do instead.
const SET_BY_BROWSER = 'the browser sets it itself and page script can never send it';
const REASONS = new Map<string, string>([
  ['cookie', `${SET_BY_BROWSER}. To send cookies, turn on "Allow credentials" instead`],
  ['cookie2', `${SET_BY_BROWSER}. To send cookies, turn on "Allow credentials" instead`],
  ['origin', `${SET_BY_BROWSER}; the override already answers it with the page origin`],
  ['host', SET_BY_BROWSER],
  ['referer', SET_BY_BROWSER],
  ['user-agent', `${SET_BY_BROWSER} (Chromium forbids it although the Fetch standard no longer does)`],
  ['accept-charset', SET_BY_BROWSER],
  ['accept-encoding', SET_BY_BROWSER],
  ['access-control-request-headers', `${SET_BY_BROWSER} on the preflight`],
  ['access-control-request-method', `${SET_BY_BROWSER} on the preflight`],
  ['access-control-request-private-network', `${SET_BY_BROWSER} on the preflight`],
  ['connection', SET_BY_BROWSER],
  ['content-length', `${SET_BY_BROWSER} from the body`],
  ['date', SET_BY_BROWSER],
  ['dnt', SET_BY_BROWSER],
  ['expect', SET_BY_BROWSER],
  ['keep-alive', SET_BY_BROWSER],
  ['set-cookie', 'it is a response header, never sent by page script'],
  ['te', SET_BY_BROWSER],
  ['trailer', SET_BY_BROWSER],
  ['transfer-encoding', SET_BY_BROWSER],
  ['upgrade', SET_BY_BROWSER],
  ['via', SET_BY_BROWSER],
]);

/** Why page script cannot send this (lower-case) header name, or undefined when it can. */
export function forbiddenRequestHeaderReason(name: string): string | undefined {
  if (name.startsWith('sec-')) return `${SET_BY_BROWSER} (every sec- header is reserved for the browser)`;
  if (name.startsWith('proxy-')) return `${SET_BY_BROWSER} (every proxy- header is reserved for the browser)`;
  return REASONS.get(name);
}
