import { browser, type Runtime } from '../shared/browser';
import {
  type BackgroundToPanel,
  isBackgroundToPanel,
  PANEL_PORT,
  type PanelToBackground,
} from '../shared/panel-protocol';
import type { PanelSource } from './panel-source';

export interface ConnectOptions {
  /** Injected by tests; defaults to the extension's runtime. */
  connect?: (info: { name: string }) => Runtime.Port;
  heartbeatMs?: number;
  reconnectMs?: number;
}

const HEARTBEAT_MS = 20_000;
const RECONNECT_MS = 250;
const RECONNECT_MAX_MS = 5_000;

/**
 * The live stream from the background for one tab. MV3 kills an idle service worker and with it the port, so
 * the source reconnects and re-subscribes by itself; the heartbeat keeps the worker alive while the panel is open.
 */
export function connectPanelSource(
  tabId: number,
  options: ConnectOptions = {},
): PanelSource & { close(): void } {
  const connect = options.connect ?? ((info: { name: string }) => browser.runtime.connect(info));
  const listeners = new Set<(msg: BackgroundToPanel) => void>();
  // The port opens before the panel renders and subscribes: a snapshot that arrives in between waits here, or a
  // panel reopened on a busy tab would show an empty log until the next request.
  const backlog: BackgroundToPanel[] = [];
  let port: Runtime.Port | undefined;
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

  const open = () => {
    if (closed) return;
    try {
      port = connect({ name: PANEL_PORT });
    } catch {
      scheduleReconnect();
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      if (!isBackgroundToPanel(message)) return;
      retryMs = options.reconnectMs ?? RECONNECT_MS;
      if (listeners.size === 0) {
        // A snapshot or a clear replaces everything before it: the backlog never holds more than one log.
        if (message.type !== 'update') backlog.length = 0;
        backlog.push(message);
      }
      for (const listener of listeners) listener(message);
    });
    port.onDisconnect.addListener(() => {
      port = undefined;
      scheduleReconnect();
    });
    post({ type: 'subscribe', tabId });
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
    close() {
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(retryTimer);
      port?.disconnect();
    },
  };
}
