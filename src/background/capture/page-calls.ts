// The page's own calls (from the hook in the page) waiting for the request the browser reports, per tab. Either may
// come first: the call's record crosses two processes, the request's events another path.
import {
  type ExchangeRecord,
  isCallFor,
  isReadOf,
  type PageRead,
  type PageRequest,
} from '../../core/exchange';

const waiting = new Map<number, PageRequest[]>();
/** Header reads that came before their response was logged (Firefox resolves fetch() before webRequest's events arrive). */
const waitingReads = new Map<number, (PageRead & { at: number })[]>();
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

export function rememberReads(tabId: number, reads: PageRead[]): void {
  if (reads.length === 0) return;
  const now = Date.now();
  const list = (waitingReads.get(tabId) ?? []).filter((read) => now - read.at < MAX_AGE_MS);
  list.push(...reads.map((read) => ({ ...read, at: now })));
  waitingReads.set(tabId, list.slice(-MAX_PER_TAB));
}

/** The header names read from `record`'s response before it was logged, taken off the list. */
export function takeReadsFor(record: ExchangeRecord): string[] {
  const list = waitingReads.get(record.tabId);
  if (!list) return [];
  const taken = list.filter((read) => isReadOf(record, read));
  if (taken.length > 0)
    waitingReads.set(
      record.tabId,
      list.filter((read) => !taken.includes(read)),
    );
  return taken.map((read) => read.header);
}

export function forgetCalls(tabId: number): void {
  waiting.delete(tabId);
  waitingReads.delete(tabId);
}
