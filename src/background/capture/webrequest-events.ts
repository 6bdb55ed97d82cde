// Translates webRequest callbacks of either browser into the core's NetEvents. Registered only for the tabs a
// CORS panel inspects, and only while it does: a webRequest observer with 'extraHeaders' costs Chromium a third of
// page-load time or more even when it does nothing (`npm run bench`, the floor row), so none exists while nobody
// looks.
import type { BeforeRequestEvent, HeaderList, NetEvent } from '../../core/exchange';
import { ALL_HOSTS } from '../../core/rules';
import { browser } from '../../shared/browser';

type Details = {
  requestId: string;
  tabId: number;
  frameId?: number;
  url: string;
  method: string;
  type: string;
  timeStamp: number;
  initiator?: string;
  originUrl?: string;
  documentUrl?: string;
  requestHeaders?: { name: string; value?: string }[];
  responseHeaders?: { name: string; value?: string }[];
  statusCode?: number;
  statusLine?: string;
  redirectUrl?: string;
  fromCache?: boolean;
  error?: string;
};

// Chromium shows preflights and the Origin header only to listeners registered with 'extraHeaders'; Firefox
// rejects that option (MDN, webRequest.onSendHeaders: "extraHeaders" is Chrome-only), and has no such enum value.
const extraHeaders: string[] = (
  globalThis as { chrome?: { webRequest?: { OnSendHeadersOptions?: { EXTRA_HEADERS?: string } } } }
).chrome?.webRequest?.OnSendHeadersOptions?.EXTRA_HEADERS
  ? ['extraHeaders']
  : [];

/** True in Chromium, where the actual request's before-request precedes its preflight's (assembler hint). */
export const preflightAfterActual = extraHeaders.length > 0;

/**
 * True in Chromium, whose onHeadersReceived shows the headers as the server sent them, before DNR rewrote them;
 * Firefox 153 shows them rewritten (verified with an override rule: the server's missing ACAO shows as present).
 */
export const responseHeadersBeforeDnr = preflightAfterActual;

/**
 * False in Firefox, which reports a simple request whose response it refused as completed (onCompleted, status 200,
 * no error; verified on 153): only Chromium's webRequest shows every refusal (net::ERR_FAILED).
 */
export const seesRefusals = preflightAfterActual;

/** The browser whose CORS checks the verdicts follow: this one. */
export const verdictBrowser: 'chromium' | 'firefox' = preflightAfterActual ? 'chromium' : 'firefox';

/** True in Firefox, where the actual request's onSendHeaders fires before its preflight starts (verified on 153). */
export const sendPrecedesPreflight = !preflightAfterActual;

const pairs = (headers: Details['requestHeaders']): HeaderList =>
  (headers ?? []).map((h) => [h.name, h.value ?? '']);

function initiatorOf(d: Details): string | undefined {
  if (d.initiator) return d.initiator;
  try {
    return d.originUrl ? new URL(d.originUrl).origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The request's start as every webRequest event repeats it: the assembler adopts a request whose onBeforeRequest
 * it missed (a service-worker restart mid-burst), so nothing in flight is lost.
 */
function startOf(d: Details): BeforeRequestEvent {
  const initiator = initiatorOf(d);
  return {
    kind: 'before-request',
    requestId: d.requestId,
    tabId: d.tabId,
    url: d.url,
    method: d.method,
    type: d.type,
    time: d.timeStamp,
    ...(d.frameId === undefined ? {} : { frameId: d.frameId }),
    ...(initiator ? { initiator } : {}),
    ...(d.documentUrl ? { documentUrl: d.documentUrl } : {}),
  };
}

/**
 * Starts observing one tab's requests (every tab's, without `tabId`: only for the first moments of a restarted
 * worker); returns the function that stops it. The browser filters by tab, so the traffic of tabs no panel
 * inspects never reaches the extension (requests without a tab, a page's service worker's say, neither).
 */
export function startWebRequestCapture(
  tabId: number | undefined,
  onEvent: (event: NetEvent) => void,
): () => void {
  const filter = tabId === undefined ? { urls: [...ALL_HOSTS] } : { urls: [...ALL_HOSTS], tabId };
  const wr = browser.webRequest;
  const listeners: [{ removeListener(l: (d: Details) => void): void }, (d: Details) => void][] = [];
  const on = <T extends { addListener: (...args: never[]) => void; removeListener(l: never): void }>(
    event: T,
    listener: (d: Details) => void,
    options: string[] = [],
  ) => {
    // Firefox's onErrorOccurred takes no third argument, not even undefined ("Incorrect argument types").
    const add = event.addListener as (l: (d: Details) => void, f: object, o?: string[]) => void;
    if (options.length) add.call(event, listener, filter, options);
    else add.call(event, listener, filter);
    listeners.push([event as unknown as { removeListener(l: (d: Details) => void): void }, listener]);
  };

  on(wr.onBeforeRequest, (d) => onEvent(startOf(d)));
  on(
    wr.onSendHeaders,
    (d) =>
      onEvent({
        kind: 'send-headers',
        start: startOf(d),
        requestId: d.requestId,
        headers: pairs(d.requestHeaders),
        time: d.timeStamp,
      }),
    ['requestHeaders', ...extraHeaders],
  );
  on(
    wr.onHeadersReceived,
    (d) =>
      onEvent({
        kind: 'headers-received',
        start: startOf(d),
        requestId: d.requestId,
        status: d.statusCode ?? 0,
        headers: pairs(d.responseHeaders),
        time: d.timeStamp,
        ...(d.statusLine ? { statusLine: d.statusLine } : {}),
      }),
    ['responseHeaders', ...extraHeaders],
  );
  on(
    wr.onBeforeRedirect,
    (d) =>
      onEvent({
        kind: 'redirect',
        start: startOf(d),
        requestId: d.requestId,
        status: d.statusCode ?? 0,
        redirectUrl: d.redirectUrl ?? '',
        headers: pairs(d.responseHeaders),
        time: d.timeStamp,
      }),
    ['responseHeaders', ...extraHeaders],
  );
  on(wr.onCompleted, (d) =>
    onEvent({
      kind: 'completed',
      start: startOf(d),
      requestId: d.requestId,
      status: d.statusCode ?? 0,
      fromCache: d.fromCache === true,
      time: d.timeStamp,
    }),
  );
  on(wr.onErrorOccurred, (d) =>
    onEvent({
      kind: 'error',
      requestId: d.requestId,
      error: d.error ?? 'unknown error',
      time: d.timeStamp,
      start: startOf(d),
    }),
  );

  return () => {
    for (const [event, listener] of listeners) event.removeListener(listener);
  };
}
