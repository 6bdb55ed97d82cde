// Runs in the extension's isolated world beside page-hook.ts: takes the page's request records (DOM events with
// JSON lines, the one channel between the two worlds) and hands them to the background in batches over a port. The
// background checks every field: a page can send anything here.
import {
  MAX_REPORT_LENGTH,
  MAX_REPORTS_PER_MESSAGE,
  PAGE_REQUEST_EVENT,
  PAGE_REQUESTS_PORT,
} from '../core/exchange/page-request';

/** The most text one event may carry: a burst of a few thousand calls. A page can only hurt itself past it. */
const MAX_DETAIL_LENGTH = 8 * 1024 * 1024;

(() => {
  const MARK = '__corsLensHookRelay';
  const g = globalThis as unknown as Record<string, unknown>;
  if (g[MARK]) return;
  g[MARK] = true;

  type Port = { postMessage(m: unknown): void; onDisconnect: { addListener(l: () => void): void } };
  const api = (g.browser ?? g.chrome) as { runtime: { connect(info: { name: string }): Port } };
  let port: Port | undefined;
  let batch: string[] = [];

  const flush = () => {
    const sending = batch;
    batch = [];
    try {
      if (!port) {
        port = api.runtime.connect({ name: PAGE_REQUESTS_PORT });
        port.onDisconnect.addListener(() => {
          port = undefined;
        });
      }
      for (let i = 0; i < sending.length; i += MAX_REPORTS_PER_MESSAGE)
        port.postMessage(sending.slice(i, i + MAX_REPORTS_PER_MESSAGE));
    } catch {
      port = undefined; // the extension was reloaded or the worker is restarting: these few records are lost
    }
  };

  document.addEventListener(
    PAGE_REQUEST_EVENT,
    (event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      if (typeof detail !== 'string' || detail.length > MAX_DETAIL_LENGTH) return;
      const wasEmpty = batch.length === 0;
      for (const line of detail.split('\n')) if (line.length <= MAX_REPORT_LENGTH) batch.push(line);
      if (wasEmpty && batch.length > 0) queueMicrotask(flush);
    },
    true,
  );
})();
