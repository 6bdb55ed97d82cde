// The panels connected to the background, by inspected tab, and what they are sent: a snapshot on subscribe, then
// batched updates. New rows travel at the end of the task that took them in (capture-intake.ts takes events in
// batches), so a worker stopped right after has already handed them to the panel — unless new rows left less than
// 10 ms before; changes to known rows are coalesced for 20 ms. Rows travel as summaries, without their header lists
// (summaryOf).
import { type LoggedExchange, summaryOf, type TabLog } from '../../core/exchange';
import type { Runtime } from '../../shared/browser';
import { type BackgroundToPanel, type LogStatus, toStreamData } from '../../shared/panel-protocol';
import { hasHostAccess, lastKnownHostAccess } from './host-access';
import { logFor, preservedTabs } from './log-store';

const subscribers = new Map<number, Set<Runtime.Port>>();
/** The MessagePort a panel's messages travel on instead of its runtime port (panel-streams.ts), where it gave one. */
const streams = new WeakMap<Runtime.Port, MessagePort>();
const outbox = new Map<number, Map<string, LoggedExchange>>();
/** A flush is queued for the end of this task. */
let outboxQueued = false;

const followed = new WeakSet<Runtime.Port>();

/**
 * Adds a panel's port for `tabId` (again, on a resubscribe), its messages to go on `stream` when given; `onLast` runs
 * when the tab's last panel goes.
 */
export function subscribe(
  tabId: number,
  port: Runtime.Port,
  onLast: (tabId: number) => void,
  stream?: MessagePort,
): void {
  const ports = subscribers.get(tabId) ?? new Set();
  ports.add(port);
  subscribers.set(tabId, ports);
  if (stream) {
    streams.get(port)?.close();
    streams.set(port, stream);
  }
  if (followed.has(port)) return;
  followed.add(port);
  port.onDisconnect.addListener(() => {
    streams.get(port)?.close();
    streams.delete(port);
    const now = subscribers.get(tabId);
    if (!now?.delete(port) || now.size > 0) return;
    subscribers.delete(tabId);
    onLast(tabId);
  });
}

export function isWatched(tabId: number): boolean {
  return (subscribers.get(tabId)?.size ?? 0) > 0;
}

export function watchedTabs(): number[] {
  return [...subscribers.keys()].filter(isWatched);
}

export function forgetPanels(tabId: number): void {
  subscribers.delete(tabId);
  outbox.delete(tabId);
}

export async function status(tabId: number): Promise<LogStatus> {
  const log = await logFor(tabId);
  return statusOf(tabId, log, await preservedTabs(), await hasHostAccess());
}

function statusOf(
  tabId: number,
  log: TabLog,
  preserved: ReadonlySet<number>,
  hostAccess: boolean,
): LogStatus {
  return { hostAccess, preserveLog: preserved.has(tabId), dropped: log.dropped };
}

/**
 * Tells the tab's panels that its log was just cleared, in the task that cleared it: a message that waited (on the
 * status, say) would reach the panel after the new page's first rows and wipe them (seen in Firefox: 18 of 200
 * rows). Changes queued for rows of the old log go with it.
 */
export function broadcastCleared(
  tabId: number,
  log: TabLog,
  preserved: ReadonlySet<number>,
  reason: 'navigation' | 'user',
): void {
  outbox.delete(tabId);
  // Capture runs only with host access, so access was asked when it started; the next update refreshes it.
  const now = statusOf(tabId, log, preserved, lastKnownHostAccess() ?? true);
  broadcast(tabId, { type: 'cleared', tabId, reason, status: now });
}

export function broadcast(tabId: number, message: BackgroundToPanel): void {
  for (const port of subscribers.get(tabId) ?? []) {
    if (!sendTo(port, message)) subscribers.get(tabId)?.delete(port); // the panel went away between two events
  }
}

/** Sends one panel a message, on its stream if it has one (as text: toStreamData); false if its port is gone. */
export function sendTo(port: Runtime.Port, message: BackgroundToPanel): boolean {
  try {
    const stream = streams.get(port);
    if (stream) stream.postMessage(toStreamData(message));
    else port.postMessage(message);
    return true;
  } catch {
    return false;
  }
}

/** Sends every panel of the tab its current status (after host access changed, say). */
export async function broadcastStatus(tabId: number): Promise<void> {
  broadcast(tabId, { type: 'update', tabId, entries: [], status: await status(tabId) });
}

/**
 * Changes to rows a panel already shows wait at most this long, so that the many events of a busy page travel in a
 * few messages: each message to a panel costs the worker and the browser process more than the change it carries
 * (a page load's profile: messaging was the worker's largest own cost). A worker stopped meanwhile loses at most
 * this window's changes to known rows.
 */
export const COALESCE_MS = 20;
/**
 * New rows leave at the end of the task that took them in — a worker stopped right after has handed them over —
 * unless other new rows left less than this long ago: then they travel together, at most this late. Measured on the
 * bench page in Chromium 156, before events were taken in batches: 234 messages per load one row at a time, 45–77
 * with this window. The price: a worker stopped during a burst loses the new rows of its last window whose requests
 * also ended before the stop (a request still running is adopted by the next worker from its later events).
 */
export const NEW_ROW_BURST_MS = 10;

/** What a queued entry is to the panels: a row they never saw, a change to a known row, or a change already held. */
export type UpdateKind = 'new' | 'change' | 'due';

let lastFlush = 0;
let lastNewRowsFlush = Number.NEGATIVE_INFINITY;
let newRowsQueued = false;
let outboxTimer: ReturnType<typeof setTimeout> | undefined;
let timerDue = Number.POSITIVE_INFINITY;

/** Queues a changed entry for the tab's panels, to leave when its kind allows (see the windows above). */
export function queueUpdate(entry: LoggedExchange, kind: UpdateKind): void {
  const { tabId, id } = entry.record;
  if (!isWatched(tabId)) return;
  const pending = outbox.get(tabId) ?? new Map<string, LoggedExchange>();
  pending.set(id, entry);
  outbox.set(tabId, pending);
  if (kind === 'new') newRowsQueued = true;
  if (outboxQueued) return;
  const now = Date.now();
  const due =
    kind === 'due' ? now : kind === 'new' ? lastNewRowsFlush + NEW_ROW_BURST_MS : lastFlush + COALESCE_MS;
  if (due <= now) {
    outboxQueued = true;
    clearOutboxTimer();
    queueMicrotask(() => void flushOutbox());
  } else if (due < timerDue) {
    clearOutboxTimer();
    timerDue = due;
    outboxTimer = setTimeout(() => void flushOutbox(), due - now);
  }
}

function clearOutboxTimer(): void {
  clearTimeout(outboxTimer);
  outboxTimer = undefined;
  timerDue = Number.POSITIVE_INFINITY;
}

async function flushOutbox(): Promise<void> {
  outboxQueued = false;
  clearOutboxTimer();
  lastFlush = Date.now();
  if (newRowsQueued) lastNewRowsFlush = lastFlush;
  newRowsQueued = false;
  const statuses = new Map<number, LogStatus>();
  for (const tabId of outbox.keys()) statuses.set(tabId, await status(tabId));
  // The entries are taken after the waits: a clear meanwhile (broadcastCleared) has dropped its tab's, so a panel
  // never receives an old row after the clear. Tabs queued meanwhile go with the flush already scheduled for them.
  for (const [tabId, tabStatus] of statuses) {
    const entries = outbox.get(tabId);
    outbox.delete(tabId);
    if (entries === undefined || entries.size === 0) continue;
    const sorted = [...entries.values()].sort((a, b) => a.record.seq - b.record.seq);
    broadcast(tabId, { type: 'update', tabId, entries: sorted.map(summaryOf), status: tabStatus });
  }
}
