// The page's own calls (from the hook in the page) waiting for the request the browser reports, per tab. Either may
// come first: the call's record crosses two processes, the request's events another path.
import { type ExchangeRecord, isCallFor, type PageRequest } from '../../core/exchange';

const waiting = new Map<number, PageRequest[]>();
/** A page making requests in a loop must not grow this without bound. */
const MAX_PER_TAB = 500;
const MAX_AGE_MS = 60_000;

export function rememberCalls(tabId: number, calls: PageRequest[]): void {
  const now = Date.now();
  const list = (waiting.get(tabId) ?? []).filter((call) => now - call.at < MAX_AGE_MS);
  list.push(...calls);
  waiting.set(tabId, list.slice(-MAX_PER_TAB));
}

/** The earliest waiting call that made `record`, taken off the list. */
export function takeCallFor(record: ExchangeRecord): PageRequest | undefined {
  const list = waiting.get(record.tabId);
  const at = list?.findIndex((call) => isCallFor(record, call)) ?? -1;
  return at < 0 ? undefined : list?.splice(at, 1)[0];
}

export function forgetCalls(tabId: number): void {
  waiting.delete(tabId);
}
