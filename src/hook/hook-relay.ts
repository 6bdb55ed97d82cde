// Runs in the extension's isolated world beside page-hook.ts: takes the page's request records (DOM events with
// JSON lines, the one channel between the two worlds) and hands them to the background in batches over a port. The
// background checks every field: a page can send anything here. It connects as the page starts, so that the
// background can pause it at once in a tab no panel inspects (the scripts are registered for every page while any
// panel is open): the hook then records nothing and the relay sends nothing.
import {
  isPauseHook,
  MAX_REPORT_LENGTH,
  MAX_REPORTS_PER_MESSAGE,
  PAGE_HOOK_MODE_EVENT,
  PAGE_REQUEST_EVENT,
  PAGE_REQUESTS_PORT,
} from '../core/exchange/page-request';

/** The most text one event may carry: a burst of a few thousand calls. A page can only hurt itself past it. */
const MAX_DETAIL_LENGTH = 8 * 1024 * 1024;

(() => {
  const MARK = '__corsLensHookRelay';
  const g = globalThis as unknown as Record<string, unknown>;
  const injectedBefore = g[MARK];
  if (injectedBefore !== undefined) {
    // Injected again (a panel opened on this tab): the relay already here resumes, if it was paused.
    if (typeof injectedBefore === 'function') (injectedBefore as () => void)();
    return;
  }

  type Port = {
    postMessage(m: unknown): void;
    disconnect(): void;
    onDisconnect: { addListener(l: () => void): void };
    onMessage: { addListener(l: (m: unknown) => void): void };
  };
  const api = (g.browser ?? g.chrome) as { runtime: { connect(info: { name: string }): Port } };
  let port: Port | undefined;
  let batch: string[] = [];
  let paused = false;

  const setHookMode = (mode: 'on' | 'off') => {
    document.dispatchEvent(new CustomEvent(PAGE_HOOK_MODE_EVENT, { detail: mode }));
  };

  const pause = () => {
    paused = true;
    batch = [];
    setHookMode('off');
    const closing = port;
    port = undefined;
    closing?.disconnect();
  };

  const connect = (): Port => {
    const opened = api.runtime.connect({ name: PAGE_REQUESTS_PORT });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = undefined; // the worker restarted: the next batch connects again
    });
    opened.onMessage.addListener((message) => {
      if (port === opened && isPauseHook(message)) pause();
    });
    port = opened;
    return opened;
  };

  g[MARK] = () => {
    if (!paused) return;
    paused = false;
    setHookMode('on');
    try {
      connect();
    } catch {
      // the extension was reloaded: nothing to resume for
    }
  };

  const flush = () => {
    const sending = batch;
    batch = [];
    if (paused) return;
    try {
      const open = port ?? connect();
      for (let i = 0; i < sending.length; i += MAX_REPORTS_PER_MESSAGE)
        open.postMessage(sending.slice(i, i + MAX_REPORTS_PER_MESSAGE));
    } catch {
      port = undefined; // the extension was reloaded or the worker is restarting: these few records are lost
    }
  };

  document.addEventListener(
    PAGE_REQUEST_EVENT,
    (event) => {
      if (paused) return;
      const detail = (event as CustomEvent<unknown>).detail;
      if (typeof detail !== 'string' || detail.length > MAX_DETAIL_LENGTH) return;
      const wasEmpty = batch.length === 0;
      for (const line of detail.split('\n')) if (line.length <= MAX_REPORT_LENGTH) batch.push(line);
      if (wasEmpty && batch.length > 0) queueMicrotask(flush);
    },
    true,
  );

  try {
    connect();
  } catch {
    // the extension was reloaded: the first batch tries again
  }
})();
