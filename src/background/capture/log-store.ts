// Per-tab logs, mirrored to storage.session so that a service-worker restart loses nothing already captured. The
// mirror holds one key per record (log-mirror.ts): a write carries the records changed since the last one.
import { mirrorKeysOf, mirrorWrite, restoreLogs, TabLog } from '../../core/exchange';
import { browser } from '../../shared/browser';
import { quietWindow } from './quiet-window';

const PRESERVE_KEY = 'preserveLog';

const logs = new Map<number, TabLog>();
/**
 * When a changed log is written to storage.session: once it has been quiet this long, and at the latest this long
 * after its first unmirrored change. The mirror is the restart safety net for panels opened later (an open panel
 * keeps its own copy through a restart): a write per event was a tenth to a fifth of the worker's own work, and as
 * much again for the browser process that stores it; a batch writes each changed record once.
 */
const QUIET_MS = 1_000;
const LATEST_MS = 5_000;
const dirty = new Set<number>();
const mirrorWindow = quietWindow(QUIET_MS, LATEST_MS, () => void flushMirror());
let preserved: Set<number> | undefined;

/** Every mirrored log, read once per worker: a record's key does not say which tab's log it is without a scan. */
let restored: Promise<void> | undefined;

function restoreOnce(): Promise<void> {
  restored ??= browser.storage.session.get(null).then(
    (stored) => {
      // A log this worker started meanwhile is newer than its mirror.
      for (const [tabId, log] of restoreLogs(stored)) if (!logs.has(tabId)) logs.set(tabId, log);
    },
    (e: unknown) => console.warn('CORS Lens: log mirror unreadable', e),
  );
  return restored;
}

/** The tab's log, restored from storage.session the first time this worker needs one. */
export async function logFor(tabId: number): Promise<TabLog> {
  const existing = logs.get(tabId);
  if (existing) return existing;
  await restoreOnce();
  const log = logs.get(tabId) ?? new TabLog();
  logs.set(tabId, log);
  return log;
}

/** The tab's log if one exists, restored as logFor does, without starting one for a tab never captured. */
export async function existingLog(tabId: number): Promise<TabLog | undefined> {
  if (!logs.has(tabId)) await restoreOnce();
  return logs.get(tabId);
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
  mirrorWindow.touch();
}

async function flushMirror(): Promise<void> {
  keepWithinTotal(); // sizes are measured here, once per write, not on every event
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  const written: TabLog[] = [];
  for (const tabId of dirty) {
    const log = logs.get(tabId);
    if (!log) continue;
    const write = mirrorWrite(tabId, log.takeMirrorDelta());
    Object.assign(set, write.set);
    remove.push(...write.remove);
    written.push(log);
  }
  dirty.clear();
  await inOrder(async () => {
    try {
      // Removals first: what the log dropped frees the quota the new records need.
      if (remove.length > 0) await browser.storage.session.remove(remove);
      await browser.storage.session.set(set);
    } catch (e) {
      // Quota overflow keeps the in-memory log intact; only the restart safety net waits for the next write,
      // which carries every record again.
      for (const log of written) log.mirrorFailed();
      console.warn('CORS Lens: log mirror failed', e);
    }
  });
}

/** The mirror's writes and removals, one after another: a removal never overtaken by an earlier write. */
let mirrorQueue: Promise<void> = Promise.resolve();
function inOrder(operation: () => Promise<void>): Promise<void> {
  mirrorQueue = mirrorQueue.then(operation, operation);
  return mirrorQueue;
}

export async function forgetTab(tabId: number): Promise<void> {
  await restoreOnce();
  logs.delete(tabId);
  dirty.delete(tabId);
  (await preservedTabs()).delete(tabId);
  // After any write in flight, so that nothing of the tab is written back once it is gone.
  await inOrder(async () => {
    const stored = await browser.storage.session.get(null);
    await browser.storage.session.remove(mirrorKeysOf(stored, tabId));
  });
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

/** Highest seq over every log, mirrored or in memory: a restarted assembler continues after it. */
export async function lastSeqEver(): Promise<number> {
  await restoreOnce();
  let max = 0;
  for (const log of logs.values()) max = Math.max(max, log.lastSeq);
  return max;
}
