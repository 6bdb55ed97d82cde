// Shared by the panel tests: a fake source, exchanges with real verdicts, and a layout happy-dom lacks.
import { vi } from 'vitest';
import { evaluate } from '../../../src/core/cors';
import {
  type ExchangeRecord,
  type HeaderList,
  summaryOf,
  toEngineExchange,
} from '../../../src/core/exchange';
import type { PanelSource } from '../../../src/panel/panel-source';
import type {
  LoggedExchange,
  LogMessage,
  LogStatus,
  PanelToBackground,
} from '../../../src/shared/panel-protocol';

export const PAGE = 'http://localhost:5173';
export const API = 'http://127.0.0.1:8081';
export const STATUS: LogStatus = { hostAccess: true, preserveLog: false, dropped: 0 };

export interface FakeSource extends PanelSource {
  sent: PanelToBackground[];
  emit(msg: LogMessage): void;
}

export function fakeSource(): FakeSource {
  const listeners = new Set<(msg: LogMessage) => void>();
  const sent: PanelToBackground[] = [];
  return {
    sent,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send: (msg) => sent.push(msg),
    emit: (msg) => {
      for (const listener of listeners) listener(msg);
    },
  };
}

/**
 * A source like the background's: rows come as summaries (summaryOf), and `details` answers with the whole entries
 * `held` has, or not at all (undefined) while `answering` is false. `asked` lists the ids of each request.
 */
export interface SummarySource extends FakeSource {
  held: Map<string, LoggedExchange>;
  asked: string[][];
  answering: boolean;
  emitSummaries(type: 'snapshot' | 'update', entries: LoggedExchange[]): void;
}

export function summarySource(): SummarySource {
  const source = fakeSource();
  const held = new Map<string, LoggedExchange>();
  const asked: string[][] = [];
  const self: SummarySource = {
    ...source,
    held,
    asked,
    answering: true,
    emitSummaries(type, entries) {
      for (const entry of entries) held.set(entry.record.id, entry);
      source.emit({ type, tabId: 1, entries: entries.map(summaryOf), status: STATUS });
    },
    async details(ids) {
      asked.push(ids);
      if (!self.answering) return undefined;
      return ids.flatMap((id) => {
        const entry = held.get(id);
        return entry === undefined ? [] : [structuredClone(entry)];
      });
    },
  };
  return self;
}

export function snapshot(entries: LoggedExchange[], status: LogStatus = STATUS): LogMessage {
  return { type: 'snapshot', tabId: 1, entries, status };
}

export function update(entries: LoggedExchange[]): LogMessage {
  return { type: 'update', tabId: 1, entries, status: STATUS };
}

interface Options {
  method?: string;
  path?: string;
  authorHeaders?: HeaderList;
  responseHeaders?: HeaderList;
  /** Send a preflight answered with these headers. */
  preflight?: { status: number; headers: HeaderList };
  credentials?: boolean;
  type?: string;
  at?: number;
  /** The actual response's status (200 by default). */
  status?: number;
  statusLine?: string;
  /** No response at all: the browser reported this error instead (the preflight too, when one was sent). */
  networkError?: string;
}

let seq = 0;

/** An exchange from PAGE to API, judged by the real engine. */
export function exchange(options: Options = {}): LoggedExchange {
  seq += 1;
  const at = options.at ?? 1_700_000_000_000 + seq * 10;
  const method = options.method ?? 'GET';
  const url = `${API}${options.path ?? `/api/items/${seq}`}`;
  const author = options.authorHeaders ?? [];
  const record: ExchangeRecord = {
    id: `1:r${seq}`,
    seq,
    tabId: 1,
    pageOrigin: PAGE,
    type: options.type ?? 'xmlhttprequest',
    request: {
      method,
      url,
      headers: [
        ['Origin', PAGE],
        ...author,
        ...(options.credentials ? ([['Cookie', 'session=SECRET']] as HeaderList) : []),
      ],
      authorHeaders: author,
      credentials: options.credentials ? 'include' : 'omit-or-same-origin',
    },
    hops: [],
    outcome: 'completed',
    startedAt: at,
    endedAt: at + 30,
  };
  if (options.preflight) {
    record.preflight = {
      requestId: `p${seq}`,
      request: {
        headers: [
          ['Origin', PAGE],
          ['Access-Control-Request-Method', method],
        ],
        time: at,
      },
      response: { status: options.preflight.status, headers: options.preflight.headers, time: at + 5 },
    };
  }
  const preflightFailed =
    options.preflight !== undefined && (options.preflight.status < 200 || options.preflight.status > 299);
  if (options.networkError !== undefined) {
    record.error = options.networkError;
  } else if (!preflightFailed) {
    record.response = {
      url,
      status: options.status ?? 200,
      headers: options.responseHeaders ?? [],
      time: at + 30,
      ...(options.statusLine === undefined ? {} : { statusLine: options.statusLine }),
    };
  } else {
    record.request.headers = [];
    record.request.credentials = 'unknown';
  }
  if (options.networkError !== undefined) record.outcome = 'failed';
  const verdict = evaluate(toEngineExchange(record));
  if (!verdict.allowed) {
    record.outcome = 'failed';
    record.error ??= 'net::ERR_FAILED';
  }
  return { record, verdict };
}

export const allowedGet = (options: Options = {}) =>
  exchange({ responseHeaders: [['Access-Control-Allow-Origin', '*']], ...options });
export const blockedGet = (options: Options = {}) =>
  exchange({ responseHeaders: [['Content-Type', 'text/plain']], ...options });
/** A PUT whose preflight (204) and response both allow any origin. */
export const allowedPut = (options: Options = {}) =>
  allowedGet({
    method: 'PUT',
    preflight: {
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Methods', 'PUT'],
      ],
    },
    ...options,
  });

/** The files the panel downloads (Export HAR/JSON), as the Blobs it hands URL.createObjectURL; undo with vi.unstubAllGlobals. */
export function captureDownloads(): Blob[] {
  const created: Blob[] = [];
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        created.push(blob);
        return 'blob:x';
      },
      revokeObjectURL: () => {},
    }),
  );
  return created;
}

/** happy-dom does no layout: give scroll containers a viewport so the virtualiser has rows to show. */
export function stubLayout(height = 440, width = 1000): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
}

export function fakeBrowser() {
  return {
    runtime: {
      sendMessage: async () => undefined,
      connect: () => undefined,
      getManifest: () => ({ version: '0.1.0' }),
    },
    permissions: { request: async () => true, contains: async () => true },
  };
}
