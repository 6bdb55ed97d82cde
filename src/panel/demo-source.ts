import type { LogMessage, LogStatus } from '../shared/panel-protocol';
import { demoExchange, demoExchanges } from './demo-exchanges';
import type { PanelSource } from './panel-source';

export const DEMO_SNAPSHOT_MARK = 'cors-lens:demo-snapshot';

/**
 * A source that answers like the background with generated exchanges: screenshots and the scale benchmark use it.
 * With `liveMs`, one more exchange arrives every `liveMs` ms, as on a busy page.
 */
export function demoSource(tabId: number, rows: number, liveMs?: number): PanelSource {
  const listeners = new Set<(msg: LogMessage) => void>();
  const status: LogStatus = { hostAccess: true, preserveLog: false, dropped: 0 };
  let next = rows;
  const emit = (msg: LogMessage) => {
    for (const listener of listeners) listener(msg);
  };
  if (liveMs !== undefined && liveMs > 0) {
    setInterval(
      () => emit({ type: 'update', tabId, entries: [demoExchange(next++, tabId)], status }),
      liveMs,
    );
  }
  return {
    subscribe(listener) {
      listeners.add(listener);
      // Like a freshly connected port: the snapshot follows the subscription. The mark tells the scale
      // benchmark when the panel got the data (generating it is the source's work, not the panel's).
      const entries = demoExchanges(next, tabId);
      performance.mark(DEMO_SNAPSHOT_MARK);
      listener({ type: 'snapshot', tabId, entries, status });
      return () => listeners.delete(listener);
    },
    send(msg) {
      if (msg.type === 'subscribe')
        emit({ type: 'snapshot', tabId, entries: demoExchanges(next, tabId), status });
      else if (msg.type === 'clear') emit({ type: 'cleared', tabId, reason: 'user', status });
      else if (msg.type === 'set-preserve-log') status.preserveLog = msg.preserve;
    },
  };
}
