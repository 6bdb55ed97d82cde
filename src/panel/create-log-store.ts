import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { MAX_DETAIL_IDS } from '../core/exchange';
import type { LoggedExchange, LogMessage, LogStatus } from '../shared/panel-protocol';

export interface LogStore {
  /** Every entry, oldest first (by start time, then seq). */
  entries: ReadonlySignal<LoggedExchange[]>;
  /** Undefined until the first snapshot arrives. */
  status: ReadonlySignal<LogStatus | undefined>;
  apply(msg: LogMessage): void;
}

function byTime(a: LoggedExchange, b: LoggedExchange): number {
  return a.record.startedAt - b.record.startedAt || a.record.seq - b.record.seq;
}

/** The panel's copy of the tab log. Snapshots and updates are both merged by record.id, so a reconnect that
 * replays entries never shows one twice, and one that sends only newer entries leaves no gap. */
/**
 * The rows a panel keeps at most (the panel stays fast with this many: `npm run bench`, panel scale). An export asks
 * for all their whole records in one request, so this is also how many ids the background accepts in one.
 */
export const PANEL_MAX_ROWS = MAX_DETAIL_IDS;

export function createLogStore(tabId?: number, maxEntries = PANEL_MAX_ROWS): LogStore {
  const byId = new Map<string, LoggedExchange>();
  const list = signal<LoggedExchange[]>([]);
  const status = signal<LogStatus | undefined>(undefined);

  const merge = (entries: LoggedExchange[]) => {
    let appendOnly = true;
    const last = list.value[list.value.length - 1];
    let tail = last;
    const taken: LoggedExchange[] = [];
    for (const entry of entries) {
      const known = byId.get(entry.record.id);
      // A snapshot after a service-worker restart may hold an older state of a record this panel already saw
      // change (the worker stopped before mirroring it): the newer state, by seq, wins.
      if (known !== undefined && known.record.seq > entry.record.seq) continue;
      if (known !== undefined) appendOnly = false;
      else if (tail !== undefined && byTime(tail, entry) > 0) appendOnly = false;
      byId.set(entry.record.id, entry);
      taken.push(entry);
      tail = entry;
    }
    // The common case (new requests at the end) avoids re-sorting thousands of rows on every batch.
    if (taken.length === 0) return;
    let next = appendOnly ? [...list.value, ...taken] : [...byId.values()].sort(byTime);
    // A panel left open for hours must not grow without bound: the oldest rows go first.
    if (next.length > maxEntries) {
      for (const gone of next.slice(0, next.length - maxEntries)) byId.delete(gone.record.id);
      next = next.slice(next.length - maxEntries);
    }
    list.value = next;
  };

  return {
    entries: computed(() => list.value),
    status,
    apply(msg) {
      if (tabId !== undefined && msg.tabId !== tabId) return;
      status.value = msg.status;
      if (msg.type === 'cleared') {
        byId.clear();
        list.value = [];
        return;
      }
      if (msg.entries.length > 0) merge(msg.entries);
    },
  };
}
