/** Who stopped a request that got no answer: another extension, the page or browser itself, or the network. */
export type NotSentCause = 'extension' | 'client' | 'network';

// net_error_list.h: ERR_BLOCKED_BY_CLIENT is "blocked by a client", i.e. an extension or the content blocker.
const EXTENSION = new Set(['net::ERR_BLOCKED_BY_CLIENT']);
// Cancelled by the page (AbortController, navigation) or refused by the browser before sending.
const CLIENT = new Set([
  'net::ERR_ABORTED',
  'NS_BINDING_ABORTED',
  'net::ERR_UNSAFE_PORT',
  'NS_ERROR_PORT_ACCESS_NOT_ALLOWED',
  'net::ERR_BLOCKED_BY_ADMINISTRATOR',
]);

export function notSentCause(error: string | undefined): NotSentCause {
  if (error !== undefined && EXTENSION.has(error)) return 'extension';
  if (error !== undefined && CLIENT.has(error)) return 'client';
  return 'network';
}

const HINTS: [RegExp, string][] = [
  [/CONNECTION_REFUSED/, 'nothing listens on that host and port: is the API running, on that port?'],
  [/NAME_NOT_RESOLVED|UNKNOWN_HOST/, 'the host name does not resolve: check the API’s base URL.'],
  [
    /EMPTY_RESPONSE|NET_RESET|CONNECTION_RESET|CONNECTION_CLOSED/,
    'the server closed the connection without answering: it crashed, or a proxy in front of it cut the connection.',
  ],
  [
    /TIMED_OUT|NET_TIMEOUT|^cors-lens:timeout$/,
    'no answer came in time: the server hangs, or a firewall drops the packets.',
  ],
  [/CERT|SSL|SEC_ERROR/, 'the TLS connection failed: the server’s certificate is not trusted for this host.'],
  [/UNSAFE_REDIRECT|CORRUPTED_CONTENT/, 'the browser refused where the response led (an unsafe redirect).'],
];

/** What a network error usually means, in a phrase; undefined when the name says nothing more. */
export function networkErrorHint(error: string | undefined): string | undefined {
  if (error === undefined) return undefined;
  return HINTS.find(([pattern]) => pattern.test(error))?.[1];
}
