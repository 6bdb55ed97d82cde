// Per-tab logs, mirrored to storage.session so that a service-worker restart loses nothing already captured.
import { TabLog } from '../../core/exchange';
import { browser } from '../../shared/browser';

const key = (tabId: number) => `log:${tabId}`;
const PRESERVE_KEY = 'preserveLog';

const logs = new Map<number, TabLog>();
/**
 * When a changed log is written to storage.session: once it has been quiet this long, and at the latest this long
 * after its first unmirrored change. The mirror is the restart safety net for panels opened later (an open panel
 * keeps its own copy through a restart): a whole log written every second of a busy page was a tenth to a fifth of the
 * worker's own work, and as much again for the browser process that stores it.
 */
const QUIET_MS = 1_000;
const LATEST_MS = 5_000;
const dirty = new Set<number>();
let flushTimer: ReturnType<typeof setTimeout> | undefined;
let firstChangeAt = 0;
let lastChangeAt = 0;
let preserved: Set<number> | undefined;

/** The tab's log, restored from storage.session the first time this worker needs it. */
export async function logFor(tabId: number): Promise<TabLog> {
  const existing = logs.get(tabId);
  if (existing) return existing;
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)];
  let log: TabLog;
  try {
    log = stored ? TabLog.fromJSON(stored) : new TabLog();
  } catch {
    log = new TabLog(); // an unreadable mirror is dropped rather than breaking capture
  }
  const raced = logs.get(tabId); // another caller may have restored it while this one awaited storage
  if (raced) return raced;
  logs.set(tabId, log);
  return log;
}

/** The log if this worker already holds it (the hot path must not wait on storage). */
export function loadedLog(tabId: number): TabLog | undefined {
  return logs.get(tabId);
}

/**
 * All logs together stay within storage.session's quota (Chrome: 10 MiB for everything an extension keeps there):
 * past it, the largest log gives up its oldest records first.
 */
export const TOTAL_MAX_BYTES = 7 * 1024 * 1024;

function keepWithinTotal(): void {
  let total = 0;
  for (const log of logs.values()) {
    log.keepWithinBytes();
    total += log.bytes;
  }
  while (total > TOTAL_MAX_BYTES) {
    let largest: TabLog | undefined;
    for (const log of logs.values()) if (!largest || log.bytes > largest.bytes) largest = log;
    const freed = largest && largest.size > 1 ? largest.dropOldest() : 0;
    if (freed === 0) return;
    total -= freed;
  }
}

export function markDirty(tabId: number): void {
  dirty.add(tabId);
  lastChangeAt = Date.now();
  if (flushTimer !== undefined) return; // one timer, re-armed when it fires: none per event
  firstChangeAt = lastChangeAt;
  flushTimer = setTimeout(mirrorWhenDue, QUIET_MS);
}

function mirrorWhenDue(): void {
  const now = Date.now();
  const due = Math.min(lastChangeAt + QUIET_MS, firstChangeAt + LATEST_MS);
  if (now < due) flushTimer = setTimeout(mirrorWhenDue, due - now);
  else void flushMirror();
}

async function flushMirror(): Promise<void> {
  flushTimer = undefined;
  keepWithinTotal(); // sizes are measured here, once per write, not on every event
  const writes: Record<string, unknown> = {};
  for (const tabId of dirty) {
    const log = logs.get(tabId);
    if (log) writes[key(tabId)] = log.toJSON();
  }
  dirty.clear();
  // Quota overflow keeps the in-memory log intact; only the restart safety net is lost.
  await browser.storage.session
    .set(writes)
    .catch((e: unknown) => console.warn('CORS Lens: log mirror failed', e));
}

export async function forgetTab(tabId: number): Promise<void> {
  logs.delete(tabId);
  dirty.delete(tabId);
  (await preservedTabs()).delete(tabId);
  await browser.storage.session.remove(key(tabId));
}

export async function preservedTabs(): Promise<Set<number>> {
  if (!preserved) {
    const stored = (await browser.storage.session.get(PRESERVE_KEY))[PRESERVE_KEY];
    preserved = new Set(
      Array.isArray(stored) ? stored.filter((n): n is number => typeof n === 'number') : [],
    );
  }
  return preserved;
}

/** The tabs whose log is preserved, if this worker has read them yet (the hot path must not wait on storage). */
export function knownPreservedTabs(): ReadonlySet<number> | undefined {
  return preserved;
}

export async function setPreserved(tabId: number, preserve: boolean): Promise<void> {
  const set = await preservedTabs();
  if (preserve) set.add(tabId);
  else set.delete(tabId);
  await browser.storage.session.set({ [PRESERVE_KEY]: [...set] });
}

/** Highest seq over every stored log: a restarted assembler continues after it. */
export async function lastSeqEver(): Promise<number> {
  const all = await browser.storage.session.get(null);
  let max = 0;
  for (const [k, v] of Object.entries(all)) {
    if (k.startsWith('log:') && typeof v === 'object' && v !== null)
      max = Math.max(max, Number((v as { lastSeq?: number }).lastSeq) || 0);
  }
  for (const log of logs.values()) max = Math.max(max, log.lastSeq);
  return max;
}
