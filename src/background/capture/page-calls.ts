// The page's own calls (from the hook in the page) waiting for the request the browser reports, per tab. Either may
// come first: the call's record crosses two processes, the request's events another path.
import {
  type ExchangeRecord,
  isCallFor,
  isReadOf,
  type PageRead,
  type PageRequest,
} from '../../core/exchange';

/**
 * By tab, then by URL, oldest first: every request logged asks for its call, most of them never made by fetch() or
 * XMLHttpRequest (scripts, images, fonts), so a lookup must not walk every call waiting.
 */
const waiting = new Map<number, Map<string, PageRequest[]>>();
/** Header reads that came before their response was logged (Firefox resolves fetch() before webRequest's events arrive). */
const waitingReads = new Map<number, (PageRead & { at: number })[]>();
/** A page making requests in a loop must not grow this without bound. */
const MAX_PER_TAB = 500;
const MAX_AGE_MS = 60_000;

export function rememberCalls(tabId: number, calls: PageRequest[]): void {
  if (calls.length === 0) return;
  const byUrl = waiting.get(tabId) ?? new Map<string, PageRequest[]>();
  waiting.set(tabId, byUrl);
  for (const call of calls) addCall(byUrl, call);
  let count = 0;
  for (const list of byUrl.values()) count += list.length;
  if (count > MAX_PER_TAB) keepNewest(byUrl);
}

function addCall(byUrl: Map<string, PageRequest[]>, call: PageRequest): void {
  const list = byUrl.get(call.url);
  if (list) list.push(call);
  else byUrl.set(call.url, [call]);
}

/** Past the cap (rare: calls whose request never comes), only the newest calls younger than a minute stay. */
function keepNewest(byUrl: Map<string, PageRequest[]>): void {
  const now = Date.now();
  const kept = [...byUrl.values()]
    .flat()
    .filter((call) => now - call.at < MAX_AGE_MS)
    .sort((a, b) => a.at - b.at)
    .slice(-MAX_PER_TAB);
  byUrl.clear();
  for (const call of kept) addCall(byUrl, call);
}

/** The earliest waiting call that made `record`, taken off the list. */
export function takeCallFor(record: ExchangeRecord): PageRequest | undefined {
  const byUrl = waiting.get(record.tabId);
  const list = byUrl?.get(record.request.url);
  const at = list?.findIndex((call) => isCallFor(record, call)) ?? -1;
  if (list === undefined || at < 0) return undefined;
  const [call] = list.splice(at, 1);
  if (list.length === 0) byUrl?.delete(record.request.url);
  return call;
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
