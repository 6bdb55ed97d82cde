// Observing: while at least one CORS panel is connected, webRequest events become exchanges in per-tab logs,
// each with a verdict, streamed to the panels of that tab and counted on the toolbar badge.
import { needsPreflight } from '../../core/cors';
import { type Assembler, createAssembler, type NetEvent } from '../../core/exchange';
import { browser, type Runtime } from '../../shared/browser';
import {
  type BackgroundToPanel,
  type LoggedExchange,
  type LogStatus,
  PANEL_PORT,
  type PanelToBackground,
} from '../../shared/panel-protocol';
import { showBlockedCount } from '../toolbar';
import {
  forgetTab,
  lastSeqEver,
  loadedLog,
  logFor,
  markDirty,
  preservedTabs,
  setPreserved,
} from './log-store';
import { isBlocked, toLogged } from './to-logged';
import { preflightAfterActual, sendPrecedesPreflight, startWebRequestCapture } from './webrequest-events';

const subscribers = new Map<number, Set<Runtime.Port>>();
let assembler: Assembler | undefined;
let stopListening: (() => void) | undefined;
let sweepTimer: ReturnType<typeof setInterval> | undefined;
/** Records waiting to be streamed, per tab, batched per animation-frame-ish tick. */
const outbox = new Map<number, Map<string, LoggedExchange>>();
let outboxTimer: ReturnType<typeof setTimeout> | undefined;
const blockedCounts = new Map<number, Set<string>>();

const HOST_ACCESS = { origins: ['http://*/*', 'https://*/*'] };

async function status(tabId: number): Promise<LogStatus> {
  const log = await logFor(tabId);
  return {
    hostAccess: await browser.permissions.contains(HOST_ACCESS),
    preserveLog: (await preservedTabs()).has(tabId),
    dropped: log.dropped,
  };
}

async function startCapture(): Promise<void> {
  if (stopListening) return;
  assembler = createAssembler({
    needsPreflight: (method, headers) => needsPreflight({ method, headers }).required,
    preflightAfterActual,
    sendPrecedesPreflight,
    lastSeq: await lastSeqEver(),
  });
  if (stopListening) return; // another subscriber started it while we awaited
  stopListening = startWebRequestCapture(onEvent);
  sweepTimer = setInterval(() => {
    if (assembler && assembler.pending() > 0) for (const r of assembler.sweep(Date.now())) void accept(r);
  }, 1000);
}

function stopCaptureIfUnwatched(): void {
  if ([...subscribers.values()].some((s) => s.size > 0)) return;
  stopListening?.();
  stopListening = undefined;
  assembler = undefined;
  clearInterval(sweepTimer);
}

function onEvent(event: NetEvent): void {
  if (event.kind === 'before-request' && event.type === 'main_frame' && event.tabId >= 0) {
    void onNavigation(event.tabId);
    return;
  }
  if (!assembler) return;
  for (const record of assembler.push(event)) void accept(record);
}

async function onNavigation(tabId: number): Promise<void> {
  if ((await preservedTabs()).has(tabId)) return;
  const log = await logFor(tabId);
  if (log.size === 0) return;
  log.clear();
  markDirty(tabId);
  blockedCounts.delete(tabId);
  void showBlockedCount(tabId, 0);
  await broadcast(tabId, { type: 'cleared', tabId, reason: 'navigation', status: await status(tabId) });
}

async function accept(record: LoggedExchange['record']): Promise<void> {
  const log = loadedLog(record.tabId) ?? (await logFor(record.tabId));
  log.add(record);
  markDirty(record.tabId);
  const entry = toLogged(record);
  const blocked = blockedCounts.get(record.tabId) ?? new Set<string>();
  blockedCounts.set(record.tabId, blocked);
  const before = blocked.size;
  if (isBlocked(entry)) blocked.add(record.id);
  else blocked.delete(record.id);
  if (blocked.size !== before) void showBlockedCount(record.tabId, blocked.size);
  if (!subscribers.get(record.tabId)?.size) return;
  const pending = outbox.get(record.tabId) ?? new Map<string, LoggedExchange>();
  pending.set(record.id, entry);
  outbox.set(record.tabId, pending);
  outboxTimer ??= setTimeout(() => void flushOutbox(), 50);
}

async function flushOutbox(): Promise<void> {
  outboxTimer = undefined;
  const batches = [...outbox.entries()];
  outbox.clear();
  for (const [tabId, entries] of batches) {
    const sorted = [...entries.values()].sort((a, b) => a.record.seq - b.record.seq);
    await broadcast(tabId, { type: 'update', tabId, entries: sorted, status: await status(tabId) });
  }
}

async function broadcast(tabId: number, message: BackgroundToPanel): Promise<void> {
  for (const port of subscribers.get(tabId) ?? []) {
    try {
      port.postMessage(message);
    } catch {
      subscribers.get(tabId)?.delete(port); // the panel went away between two events
    }
  }
}

function isPanelMessage(value: unknown): value is PanelToBackground {
  if (typeof value !== 'object' || value === null) return false;
  const { type, tabId } = value as { type?: unknown; tabId?: unknown };
  if (type === 'heartbeat') return true;
  return (
    (type === 'subscribe' || type === 'clear' || type === 'set-preserve-log') && typeof tabId === 'number'
  );
}

async function onPanelMessage(port: Runtime.Port, message: PanelToBackground): Promise<void> {
  switch (message.type) {
    case 'heartbeat':
      return; // receiving it is the point: it keeps the service worker alive while a panel is open
    case 'subscribe': {
      const set = subscribers.get(message.tabId) ?? new Set();
      set.add(port);
      subscribers.set(message.tabId, set);
      port.onDisconnect.addListener(() => {
        set.delete(port);
        stopCaptureIfUnwatched();
      });
      await startCapture();
      const log = await logFor(message.tabId);
      const entries = log.snapshot().map(toLogged);
      port.postMessage({
        type: 'snapshot',
        tabId: message.tabId,
        entries,
        status: await status(message.tabId),
      } satisfies BackgroundToPanel);
      return;
    }
    case 'clear': {
      (await logFor(message.tabId)).clear();
      markDirty(message.tabId);
      blockedCounts.delete(message.tabId);
      void showBlockedCount(message.tabId, 0);
      await broadcast(message.tabId, {
        type: 'cleared',
        tabId: message.tabId,
        reason: 'user',
        status: await status(message.tabId),
      });
      return;
    }
    case 'set-preserve-log':
      await setPreserved(message.tabId, message.preserve === true);
      return;
  }
}

/** Registered at top level by index.ts: panels connect here. */
export function onConnect(port: Runtime.Port): void {
  if (port.name !== PANEL_PORT) return;
  port.onMessage.addListener((message: unknown) => {
    if (isPanelMessage(message)) void onPanelMessage(port, message);
  });
}

export function onTabRemoved(tabId: number): void {
  subscribers.delete(tabId);
  blockedCounts.delete(tabId);
  assembler?.forgetTab(tabId);
  void forgetTab(tabId);
  stopCaptureIfUnwatched();
}
