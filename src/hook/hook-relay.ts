// Runs in the extension's isolated world beside page-hook.ts: takes the page's request records (DOM events with
// JSON, the one channel between the two worlds) and hands them to the background in batches over a port. The
// background checks every field: a page can send anything here.
import { PAGE_REQUEST_EVENT, PAGE_REQUESTS_PORT } from '../core/exchange/page-request';

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
      port.postMessage(sending);
    } catch {
      port = undefined; // the extension was reloaded or the worker is restarting: these few records are lost
    }
  };

  document.addEventListener(
    PAGE_REQUEST_EVENT,
    (event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      if (typeof detail !== 'string' || detail.length > 16_384) return;
      batch.push(detail);
      if (batch.length === 1) queueMicrotask(flush);
    },
    true,
  );
})();
