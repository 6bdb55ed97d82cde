// The assembler's output: one record per cross-origin request, with its preflight and redirects.
import type { HeaderList } from './events';

/** Inferred from the cookies actually sent: a credentialed request without cookies looks like an uncredentialed one. */
export type CredentialsGuess = 'include' | 'omit-or-same-origin' | 'unknown';

export interface RequestRecord {
  method: string;
  /** The URL first requested; redirects are in `hops`, the final URL in `response.url`. */
  url: string;
  /** Every header sent (first send of the request), secrets redacted. Empty when the request was never sent. */
  headers: HeaderList;
  /** The headers the page script set (see author-headers.ts for the heuristic). */
  authorHeaders: HeaderList;
  credentials: CredentialsGuess;
}

export interface PreflightRecord {
  requestId: string;
  request: { headers: HeaderList; time: number };
  response?: { status: number; headers: HeaderList; time: number };
  error?: string;
}

export interface HopRecord {
  /** The URL that answered with the redirect. */
  url: string;
  status: number;
  headers: HeaderList;
  location: string;
  time: number;
}

export interface ResponseRecord {
  url: string;
  status: number;
  /** The status line as the server sent it, e.g. "HTTP/1.1 500 Internal Server Error", when the browser gave it. */
  statusLine?: string;
  headers: HeaderList;
  time: number;
  fromCache?: boolean;
}

export interface PreflightCacheSource {
  /** The requestId of that preflight. */
  requestId: string;
  answeredAt: number;
  /** Its response headers (Access-Control-Max-Age, -Allow-Headers…), secrets redacted. */
  headers: HeaderList;
}

export type Outcome = 'pending' | 'completed' | 'failed';

/**
 * Why CORS Lens ended a record the browser never finished reporting: `no-response`, no response and no error
 * within a minute (the outcome is `failed`); `no-final-event`, a response whose end never came (a long download or
 * a stream: the CORS verdict, decided on the headers, stands; the outcome is `completed`); `headers-unseen`, a
 * request adopted mid-flight (the service worker restarted) whose end was seen but not its response headers: the
 * CORS decision cannot be told from what was seen.
 */
export type Incomplete = 'no-response' | 'no-final-event' | 'headers-unseen';

/** A value redactRecord hid: in which list or URL (`request.headers`, `hops.0.location`…), and its name. */
export interface RedactedValue {
  field: string;
  /** The lower-case header name, the query or fragment parameter, or `userinfo`. */
  name: string;
}

/** What the page's script asked for, recorded in the page (the network does not show it): see page-request.ts. */
export interface PageCall {
  api: 'fetch' | 'xhr';
  credentials: 'omit' | 'same-origin' | 'include';
  mode: 'cors' | 'no-cors' | 'same-origin' | 'navigate';
  /** The script line that made the call, e.g. `https://app.test/main.js:12:5`. */
  location?: string;
  /** XMLHttpRequest with an upload listener registered before send (it forces a preflight). */
  uploadListeners?: boolean;
}

export interface ExchangeRecord {
  /** `${tabId}:${requestId}` of the actual request, or of the preflight when no actual request was seen. */
  id: string;
  /** Stamped afresh on every change, increasing per assembler: `TabLog.since(seq)` streams changes with it. */
  seq: number;
  tabId: number;
  pageOrigin: string;
  type: string;
  request: RequestRecord;
  preflight?: PreflightRecord;
  /** The request needed a preflight but none was seen: the browser answered it from its preflight cache. */
  preflightCached?: boolean;
  /** The last passing preflight this capture saw for the same page origin and URL: what the cache most likely holds. */
  preflightCacheSource?: PreflightCacheSource;
  /**
   * First seen mid-flight (capture started, or the service worker restarted, while it ran): the request headers
   * and the preflight may be missing; the response and the outcome are as the browser reported them.
   */
  resumed?: boolean;
  hops: HopRecord[];
  response?: ResponseRecord;
  outcome: Outcome;
  /** What the page's script asked for, when CORS Lens's hook in the page saw the call. */
  page?: PageCall;
  /** Response header names (lower-case) the page's script read, as the hook in the page saw. */
  readHeaders?: string[];
  /** Set when CORS Lens, not the browser, ended this record (no final event within a minute). */
  incomplete?: Incomplete;
  error?: string;
  startedAt: number;
  endedAt?: number;
  /** The values hidden before the record left the assembler (redactRecord), for the "values redacted" mark. */
  redacted?: RedactedValue[];
}
