// The assembler's input: webRequest callbacks of either browser, normalised by the background so that the core
// never sees chrome.* or browser.* types.

/** A header list as the browser reports it: order, case and duplicates kept. */
export type HeaderList = [name: string, value: string][];

export interface BeforeRequestEvent {
  kind: 'before-request';
  requestId: string;
  tabId: number;
  frameId?: number;
  url: string;
  method: string;
  /** webRequest resource type: xmlhttprequest, font, script, image, media, main_frame, other… */
  type: string;
  /** Origin of the page: Chrome's `initiator`, or Firefox's `originUrl` reduced to its origin. */
  initiator?: string;
  documentUrl?: string;
  time: number;
}

/** Request headers as sent (Chrome needs 'extraHeaders' to include Origin and to see preflights at all). */
export interface SendHeadersEvent extends Resumable {
  kind: 'send-headers';
  requestId: string;
  headers: HeaderList;
  time: number;
}

/** Response headers as the server sent them (in Chrome, before declarativeNetRequest changes them). */
export interface HeadersReceivedEvent extends Resumable {
  kind: 'headers-received';
  requestId: string;
  status: number;
  statusLine?: string;
  headers: HeaderList;
  time: number;
}

export interface RedirectEvent extends Resumable {
  kind: 'redirect';
  requestId: string;
  status: number;
  redirectUrl: string;
  headers: HeaderList;
  time: number;
}

export interface CompletedEvent extends Resumable {
  kind: 'completed';
  requestId: string;
  status: number;
  fromCache: boolean;
  time: number;
}

export interface ErrorEvent extends Resumable {
  kind: 'error';
  requestId: string;
  /** net::ERR_FAILED (Chrome), NS_ERROR_DOM_BAD_URI (Firefox), … */
  error: string;
  time: number;
}

/**
 * What the browser repeats about the request on every later event (webRequest details always carry it). With it
 * the assembler adopts a request whose start it missed: capture began, or the service worker restarted, mid-flight.
 */
export interface Resumable {
  start?: BeforeRequestEvent;
}

export type NetEvent =
  | BeforeRequestEvent
  | SendHeadersEvent
  | HeadersReceivedEvent
  | RedirectEvent
  | CompletedEvent
  | ErrorEvent;
