// The toolbar badge's red number: the blocked exchanges of each tab, counted as records change.
import { isBlocked, type LoggedExchange, type TabLog } from '../../core/exchange';
import { showBlockedCount } from '../toolbar';

const blockedByTab = new Map<number, Set<string>>();

/** Counts `entry` (a record just logged, with its verdicts); `judge` gives the rest of a log restored from storage. */
export function countBlocked(
  entry: LoggedExchange,
  log: TabLog,
  judge: (r: LoggedExchange['record']) => LoggedExchange,
): void {
  const { tabId, id } = entry.record;
  let blocked = blockedByTab.get(tabId);
  if (blocked === undefined) {
    blocked = new Set(
      log
        .snapshot()
        .map(judge)
        .filter(isBlocked)
        .map((e) => e.record.id),
    );
    blockedByTab.set(tabId, blocked);
  }
  const before = blocked.size;
  if (isBlocked(entry)) blocked.add(id);
  else blocked.delete(id);
  if (blocked.size !== before) void showBlockedCount(tabId, blocked.size);
}

export function resetBlocked(tabId: number): void {
  blockedByTab.delete(tabId);
  void showBlockedCount(tabId, 0);
}

export function forgetBlocked(tabId: number): void {
  blockedByTab.delete(tabId);
}
