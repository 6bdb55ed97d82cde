import { browser, type Runtime } from '../shared/browser';
import {
  type DetailsAnswer,
  fromStreamData,
  isBackgroundToPanel,
  type LoggedExchange,
  type LogMessage,
  PANEL_PORT,
  type PanelToBackground,
} from '../shared/panel-protocol';
import { openWorkerStream, type WorkerStream } from './open-worker-stream';
import { DETAILS_TIMEOUT_MS, type PanelSource } from './panel-source';

export interface ConnectOptions {
  /** Injected by tests; defaults to the extension's runtime. */
  connect?: (info: { name: string }) => Runtime.Port;
  /** Injected by tests; defaults to openWorkerStream (a MessagePort to the service worker, in Chromium). */
  openStream?: () => Promise<WorkerStream | undefined> | undefined;
  /** Told on each subscribe which channel the log comes on (the panel shows it to tests and bug reports). */
  onChannel?: (channel: LogChannel) => void;
  heartbeatMs?: number;
  reconnectMs?: number;
  detailsTimeoutMs?: number;
}

/** Where the log's messages come: a MessagePort to the service worker (Chromium), or the runtime port itself. */
export type LogChannel = 'message-port' | 'runtime-port';

const HEARTBEAT_MS = 20_000;
const RECONNECT_MS = 250;
const RECONNECT_MAX_MS = 5_000;

interface PendingAsk {
  ids: string[];
  resolve(entries: LoggedExchange[] | undefined): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The live stream from the background for one tab. MV3 kills an idle service worker and with it the port, so
 * the source reconnects and re-subscribes by itself; the heartbeat keeps the worker alive while the panel is open.
 * Where the worker takes a MessagePort, the log's messages come on it and the runtime port serves the subscription's
 * lifetime; each reconnect opens a new one. Rows come as summaries: `details` asks for whole ones, and asks again
 * after a reconnect while unanswered.
 */
export function connectPanelSource(
  tabId: number,
  options: ConnectOptions = {},
): PanelSource & { close(): void; details(ids: string[]): Promise<LoggedExchange[] | undefined> } {
  const connect = options.connect ?? ((info: { name: string }) => browser.runtime.connect(info));
  const openStream = options.openStream ?? openWorkerStream;
  const listeners = new Set<(msg: LogMessage) => void>();
  // The port opens before the panel renders and subscribes: a snapshot that arrives in between waits here, or a
  // panel reopened on a busy tab would show an empty log until the next request.
  const backlog: LogMessage[] = [];
  const asks = new Map<number, PendingAsk>();
  let nextAsk = 1;
  let port: Runtime.Port | undefined;
  let stream: MessagePort | undefined;
  let closed = false;
  let retryMs = options.reconnectMs ?? RECONNECT_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const post = (msg: PanelToBackground) => {
    try {
      port?.postMessage(msg);
    } catch {
      // The port died between the disconnect event and now: the reconnect re-subscribes anyway.
    }
  };

  const receive = (message: unknown) => {
    if (!isBackgroundToPanel(message)) return;
    if (message.type === 'details') {
      answer(message);
      return;
    }
    retryMs = options.reconnectMs ?? RECONNECT_MS;
    if (listeners.size === 0) {
      // A snapshot or a clear replaces everything before it: the backlog never holds more than one log.
      if (message.type !== 'update') backlog.length = 0;
      backlog.push(message);
    }
    for (const listener of listeners) listener(message);
  };

  const answer = (message: DetailsAnswer) => {
    const pending = asks.get(message.ask);
    if (pending === undefined || message.tabId !== tabId) return; // answered already (asked twice over a reconnect)
    asks.delete(message.ask);
    clearTimeout(pending.timer);
    pending.resolve(message.entries);
  };

  const askDetails = (ask: number, ids: string[]) => post({ type: 'details', tabId, ask, ids });

  const closeStream = () => {
    stream?.close();
    stream = undefined;
  };

  const subscribeOn = (opened: Runtime.Port, offered: WorkerStream | undefined) => {
    if (opened !== port) {
      offered?.port.close(); // this connection died while the worker was reached: the next one offers anew
      return;
    }
    if (offered) {
      stream = offered.port;
      stream.onmessage = (event) => receive(fromStreamData(event.data));
    }
    options.onChannel?.(offered ? 'message-port' : 'runtime-port');
    post(offered ? { type: 'subscribe', tabId, stream: offered.token } : { type: 'subscribe', tabId });
    // Asked of a worker that stopped before answering: the new one holds the same log (its mirror).
    for (const [ask, pending] of asks) askDetails(ask, pending.ids);
  };

  const open = () => {
    if (closed) return;
    let opened: Runtime.Port;
    try {
      opened = connect({ name: PANEL_PORT });
    } catch {
      scheduleReconnect();
      return;
    }
    port = opened;
    // The background answers on the runtime port where it got no stream (Firefox, or a worker not reached).
    opened.onMessage.addListener(receive);
    opened.onDisconnect.addListener(() => {
      port = undefined;
      closeStream();
      scheduleReconnect();
    });
    const offering = openStream();
    if (offering === undefined) subscribeOn(opened, undefined);
    else
      void offering.then(
        (offered) => subscribeOn(opened, offered),
        () => subscribeOn(opened, undefined),
      );
  };

  const scheduleReconnect = () => {
    if (closed || retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      open();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS);
  };

  const heartbeat = setInterval(() => post({ type: 'heartbeat' }), options.heartbeatMs ?? HEARTBEAT_MS);
  open();

  return {
    subscribe(listener) {
      listeners.add(listener);
      for (const msg of backlog.splice(0)) listener(msg);
      return () => listeners.delete(listener);
    },
    send: post,
    details(ids) {
      return new Promise((resolve) => {
        const ask = nextAsk++;
        const timer = setTimeout(() => {
          asks.delete(ask);
          resolve(undefined);
        }, options.detailsTimeoutMs ?? DETAILS_TIMEOUT_MS);
        asks.set(ask, { ids, resolve, timer });
        askDetails(ask, ids);
      });
    },
    close() {
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(retryTimer);
      closeStream();
      port?.disconnect();
      for (const pending of asks.values()) {
        clearTimeout(pending.timer);
        pending.resolve(undefined);
      }
      asks.clear();
    },
  };
}
