import { redactUrl } from './redact-url';
import type { ExchangeRecord, PageCall } from './types';

/**
 * What a page's script asked for, as CORS Lens's hook in the page recorded it (src/hook/page-hook.ts): the facts the
 * network does not show. It comes from the page, so every field is checked and the URL is kept only to match it
 * with the request the browser reports.
 */
export interface PageRequest extends PageCall {
  /** Absolute, without fragment, secrets redacted like the captured URL (so the two compare). */
  url: string;
  method: string;
  /** The page's clock when the call was made (ms since epoch). */
  at: number;
}

/** The port the hook's relay opens to the background, and the DOM event the page hook fires. */
export const PAGE_REQUESTS_PORT = 'cors-lens/page-requests';
export const PAGE_REQUEST_EVENT = 'cors-lens:page-request';
/** The DOM event by which the relay switches the page hook's recording on or off (detail: `'on'` | `'off'`). */
export const PAGE_HOOK_MODE_EVENT = 'cors-lens:page-hook-mode';

/**
 * What the background sends a relay on its port: its tab is not (or no longer) inspected, so the hook stops
 * recording and the relay closes its port. A panel opening on the tab later injects the relay again, which resumes.
 */
export interface PauseHook {
  type: 'pause';
}
export const PAUSE_HOOK: PauseHook = { type: 'pause' };

export function isPauseHook(value: unknown): value is PauseHook {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'pause';
}

const CREDENTIALS = new Set(['omit', 'same-origin', 'include']);
const MODES = new Set(['cors', 'no-cors', 'same-origin', 'navigate']);
/** Reports per relay message: the background reads no more of one (the relay splits a larger burst). */
export const MAX_REPORTS_PER_MESSAGE = 200;
/** The longest report the relay passes on (a report is a URL, a few names and a script location). */
export const MAX_REPORT_LENGTH = 16_384;

/** A response header the page's script read (Headers.get/has on a fetch Response, XHR getResponseHeader). */
export interface PageRead {
  /** The response's URL, redacted like the captured one. */
  url: string;
  /** Lower-case. */
  header: string;
}

export interface PageReports {
  calls: PageRequest[];
  reads: PageRead[];
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}$/;

/** A batch from the hook's relay: JSON strings, one per report. Anything malformed is dropped, never thrown. */
export function parsePageReports(value: unknown): PageReports {
  const out: PageReports = { calls: [], reads: [] };
  if (!Array.isArray(value)) return out;
  for (const item of value.slice(0, MAX_REPORTS_PER_MESSAGE)) {
    if (typeof item !== 'string') continue;
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(item) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (raw?.kind === 'read') {
      const { url, header } = raw;
      if (
        typeof url === 'string' &&
        /^https?:\/\//i.test(url) &&
        url.length <= 8192 &&
        typeof header === 'string' &&
        TOKEN.test(header)
      )
        out.reads.push({ url: redactUrl(url), header: header.toLowerCase() });
      continue;
    }
    const call = parseCall(raw);
    if (call) out.calls.push(call);
  }
  return out;
}

/** The calls of a batch (see parsePageReports). */
export function parsePageRequests(value: unknown): PageRequest[] {
  return parsePageReports(value).calls;
}

function parseCall(raw: Record<string, unknown> | null): PageRequest | undefined {
  const { api, url, method, credentials, mode, location, uploadListeners, at } = raw ?? {};
  if (api !== 'fetch' && api !== 'xhr') return undefined;
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url) || url.length > 8192) return undefined;
  if (typeof method !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}$/.test(method)) return undefined;
  if (typeof credentials !== 'string' || !CREDENTIALS.has(credentials)) return undefined;
  if (typeof mode !== 'string' || !MODES.has(mode)) return undefined;
  const request: PageRequest = {
    api,
    url: redactUrl(url),
    method,
    credentials: credentials as PageRequest['credentials'],
    mode: mode as PageRequest['mode'],
    at: typeof at === 'number' && Number.isFinite(at) ? at : 0,
  };
  if (typeof location === 'string' && location.length <= 2048) request.location = redactUrl(location);
  if (uploadListeners === true) request.uploadListeners = true;
  return request;
}

/** Whether `read` is about `record`'s response (its final URL, or the request URL before any redirect). */
export function isReadOf(record: ExchangeRecord, read: PageRead): boolean {
  return (record.response?.url ?? record.request.url) === read.url || record.request.url === read.url;
}

/** The record with one more response header its script read. */
export function withHeaderRead(record: ExchangeRecord, header: string): ExchangeRecord {
  const reads = record.readHeaders ?? [];
  return reads.includes(header) ? record : { ...record, readHeaders: [...reads, header] };
}

/** How far apart the page's call and the browser's request may be to be one request (clock reads, IPC, queues). */
const MATCH_WINDOW_MS = 10_000;

/** Whether `call` (from the page) is the call that made `record` (from the network). */
export function isCallFor(record: ExchangeRecord, call: PageRequest): boolean {
  return (
    record.page === undefined &&
    record.request.url === call.url &&
    record.request.method.toUpperCase() === call.method.toUpperCase() &&
    Math.abs(record.startedAt - call.at) <= MATCH_WINDOW_MS
  );
}

/** The record with what its page call tells: the credentials and request mode asked for, and where. */
export function withPageCall(record: ExchangeRecord, call: PageRequest): ExchangeRecord {
  const { api, credentials, mode, location, uploadListeners } = call;
  return {
    ...record,
    page: {
      api,
      credentials,
      mode,
      ...(location === undefined ? {} : { location }),
      ...(uploadListeners ? { uploadListeners } : {}),
    },
  };
}
