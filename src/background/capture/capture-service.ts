// Observing: while at least one CORS panel is connected, webRequest events become exchanges in per-tab logs,
// each with a verdict, streamed to the panels of that tab and counted on the toolbar badge.
import { needsPreflight } from '../../core/cors';
import {
  type Assembler,
  createAssembler,
  endAbandoned,
  isCallFor,
  mergeResumed,
  type NetEvent,
  PAGE_REQUESTS_PORT,
  type PageRequest,
  parsePageRequests,
  parsePanelRequest,
  type TabLog,
  withPageCall,
} from '../../core/exchange';
import { ALL_HOSTS, activeRules, type OverrideRule, type RulesState } from '../../core/rules';
import { browser, type Runtime } from '../../shared/browser';
import {
  type BackgroundToPanel,
  type LoggedExchange,
  type LogStatus,
  PANEL_PORT,
  type PanelToBackground,
} from '../../shared/panel-protocol';
import { loadRules } from '../rules-store';
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
import { forgetCalls, rememberCalls, takeCallFor } from './page-calls';
import { hookOpenPage, installPageHook, removePageHook } from './page-hook';
import { isBlocked, toLogged } from './to-logged';
import {
  preflightAfterActual,
  responseHeadersBeforeDnr,
  seesRefusals,
  sendPrecedesPreflight,
  startWebRequestCapture,
} from './webrequest-events';

const subscribers = new Map<number, Set<Runtime.Port>>();
let assembler: Assembler | undefined;
let stopListening: (() => void) | undefined;
let sweepTimer: ReturnType<typeof setInterval> | undefined;
/**
 * Records waiting to be streamed, per tab: sent at the end of the current task, so that what one webRequest event
 * changed travels in one message, and a worker stopped right after (MV3, crash) has already handed it to the panel.
 */
const outbox = new Map<number, Map<string, LoggedExchange>>();
let outboxQueued = false;
const blockedCounts = new Map<number, Set<string>>();

const HOST_ACCESS = { origins: [...ALL_HOSTS] };

let hostAccess: { granted: boolean; at: number } | undefined;

/** Host access, asked of the browser at most once a second: every streamed update carries it. */
async function hasHostAccess(): Promise<boolean> {
  const now = Date.now();
  if (hostAccess === undefined || now - hostAccess.at > 1_000)
    hostAccess = { granted: await browser.permissions.contains(HOST_ACCESS), at: now };
  return hostAccess.granted;
}

/**
 * Host access changed (a grant from the panel, the popup or the add-ons manager). Forget the cached answer at once,
 * and re-register the network listeners: in Chromium 156, webRequest listeners added before a host permission was
 * granted at run time never fire for it afterwards (nor do listeners added later for the same events) until they
 * are removed — measured: 0 events after the grant, all of them after a remove and re-add. Then every open panel
 * gets the new status without asking.
 */
export function onHostAccessChanged(): void {
  hostAccess = undefined;
  if (stopListening) {
    stopListening();
    stopListening = startWebRequestCapture(onEvent);
  }
  for (const [tabId, ports] of subscribers) {
    if (ports.size === 0) continue;
    void hookOpenPage(tabId); // the page loaded before access was granted: hook it now
    void status(tabId).then((now) => broadcast(tabId, { type: 'update', tabId, entries: [], status: now }));
  }
}

async function status(tabId: number): Promise<LogStatus> {
  const log = await logFor(tabId);
  return {
    hostAccess: await hasHostAccess(),
    preserveLog: (await preservedTabs()).has(tabId),
    dropped: log.dropped,
  };
}

/** storage.session flag: a panel was watching. A worker that starts with it set resumes capturing at once. */
const CAPTURING_KEY = 'capturing';
/** How long a resumed capture waits for its panel to reconnect before it stops (the panel retries within 5 s). */
const RESUME_GRACE_MS = 10_000;
/** Events that arrive before the assembler exists (it waits on storage for the last seq). */
let early: NetEvent[] | undefined;

/** The override rules as stored, kept while capturing: each exchange is judged under the one that applied. */
let rulesState: RulesState | undefined;

function currentRules(): OverrideRule[] {
  return rulesState === undefined ? [] : activeRules(rulesState, Date.now());
}

/** A record with its verdicts, judged under the override that applied to it and what this browser shows. */
function logged(record: LoggedExchange['record']): LoggedExchange {
  return toLogged(record, currentRules(), responseHeadersBeforeDnr, seesRefusals);
}

async function reloadRules(): Promise<void> {
  rulesState = (await loadRules()).state;
}

function onStorageChanged(changes: Record<string, unknown>): void {
  if ('rules' in changes || 'sessionRules' in changes) void reloadRules();
}

async function startCapture(): Promise<void> {
  if (assembler) return;
  if (!stopListening) {
    early = [];
    stopListening = startWebRequestCapture(onEvent);
  }
  void installPageHook().catch((e: unknown) => console.warn('CORS Lens: page hook not registered', e));
  void browser.storage.session.set({ [CAPTURING_KEY]: true });
  if (!browser.storage.onChanged.hasListener(onStorageChanged))
    browser.storage.onChanged.addListener(onStorageChanged);
  await reloadRules();
  const created = createAssembler({
    needsPreflight: (method, headers) => needsPreflight({ method, headers }).required,
    preflightAfterActual,
    sendPrecedesPreflight,
    lastSeq: await lastSeqEver(),
  });
  if (assembler || !stopListening) return; // started by another subscriber, or stopped, while we awaited
  assembler = created;
  const buffered = early ?? [];
  early = undefined;
  for (const event of buffered) onEvent(event);
  let sweeps = 0;
  sweepTimer = setInterval(() => {
    if (assembler && assembler.pending() > 0) for (const r of assembler.sweep(Date.now())) void accept(r);
    if (++sweeps % 5 === 0) endAbandonedRecords();
  }, 1000);
}

/** Rows a stopped worker left pending, that no assembler follows: ended and marked, never pending for good. */
function endAbandonedRecords(): void {
  const now = Date.now();
  for (const tabId of subscribers.keys()) {
    for (const record of loadedLog(tabId)?.pending() ?? []) {
      if (assembler?.tracks(record.id)) continue;
      const ended = endAbandoned(record, now);
      if (ended && assembler) void accept({ ...ended, seq: assembler.nextSeq() });
    }
  }
}

function stopCaptureIfUnwatched(): void {
  if ([...subscribers.values()].some((s) => s.size > 0)) return;
  const wasCapturing = assembler !== undefined;
  stopListening?.();
  stopListening = undefined;
  assembler = undefined;
  early = undefined;
  rulesState = undefined;
  browser.storage.onChanged.removeListener(onStorageChanged);
  clearInterval(sweepTimer);
  void removePageHook();
  if (wasCapturing) void browser.storage.session.set({ [CAPTURING_KEY]: false });
}

/**
 * Called synchronously when the worker starts. MV3 stops the worker at will; if a panel was watching, the events
 * of requests running meanwhile must still arrive, and Chromium delivers the event that woke a worker only to a
 * listener registered in its first turn. So listen at once, and keep listening only if the flag says a panel was
 * watching (it reconnects by itself); otherwise stop within a storage read, and cost nothing afterwards.
 */
export function resumeCaptureIfWatched(): void {
  early = [];
  stopListening = startWebRequestCapture(onEvent);
  void browser.storage.session.get(CAPTURING_KEY).then(
    (stored) => {
      if (stored[CAPTURING_KEY] !== true) return stopCaptureIfUnwatched();
      void startCapture();
      setTimeout(stopCaptureIfUnwatched, RESUME_GRACE_MS);
    },
    () => stopCaptureIfUnwatched(),
  );
}

function onEvent(event: NetEvent): void {
  if (early) {
    early.push(event);
    return;
  }
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

/** The blocked exchanges of a log, e.g. one restored after a service-worker restart: the badge counts on. */
function blockedIn(log: TabLog): Set<string> {
  return new Set(
    log
      .snapshot()
      .map((record) => logged(record))
      .filter(isBlocked)
      .map((entry) => entry.record.id),
  );
}

async function accept(seen: LoggedExchange['record']): Promise<void> {
  const log = loadedLog(seen.tabId) ?? (await logFor(seen.tabId));
  const known = log.get(seen.id);
  const earlier = seen.resumed === true ? known : undefined;
  let record = earlier === undefined ? seen : mergeResumed(earlier, seen);
  // What the page's own call told (the hook in the page) stays with the record through every later event.
  if (record.page === undefined) {
    const call = known?.page === undefined ? takeCallFor(record) : undefined;
    if (known?.page) record = { ...record, page: known.page };
    else if (call) record = withPageCall(record, call);
  }
  log.add(record);
  markDirty(record.tabId);
  const entry = logged(record);
  const blocked = blockedCounts.get(record.tabId) ?? blockedIn(log);
  blockedCounts.set(record.tabId, blocked);
  const before = blocked.size;
  if (isBlocked(entry)) blocked.add(record.id);
  else blocked.delete(record.id);
  if (blocked.size !== before) void showBlockedCount(record.tabId, blocked.size);
  if (!subscribers.get(record.tabId)?.size) return;
  const pending = outbox.get(record.tabId) ?? new Map<string, LoggedExchange>();
  pending.set(record.id, entry);
  outbox.set(record.tabId, pending);
  if (!outboxQueued) {
    outboxQueued = true;
    queueMicrotask(() => void flushOutbox());
  }
}

async function flushOutbox(): Promise<void> {
  outboxQueued = false;
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
      void hookOpenPage(message.tabId);
      const log = await logFor(message.tabId);
      const entries = log.snapshot().map((record) => logged(record));
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
      await setPreserved(message.tabId, message.preserve);
      return;
  }
}

/**
 * The page's own calls, from the hook in an inspected tab: each joins the request it made, already logged or not
 * yet. Calls from tabs no panel inspects are dropped (the hook runs in every page while a panel is open).
 */
async function onPageCalls(tabId: number | undefined, calls: PageRequest[]): Promise<void> {
  if (tabId === undefined || !subscribers.get(tabId)?.size || calls.length === 0) return;
  const log = loadedLog(tabId) ?? (await logFor(tabId));
  const recent = log.snapshot().slice(-300);
  const waiting: PageRequest[] = [];
  for (const call of calls) {
    const index = recent.findIndex((record) => isCallFor(record, call));
    const record = index < 0 ? undefined : recent.splice(index, 1)[0];
    if (record) void accept(withPageCall(record, call));
    else waiting.push(call);
  }
  rememberCalls(tabId, waiting);
}

/** Registered at top level by index.ts: panels and the page hook's relay connect here. */
export function onConnect(port: Runtime.Port): void {
  if (port.name === PAGE_REQUESTS_PORT) {
    port.onMessage.addListener(
      (message: unknown) => void onPageCalls(port.sender?.tab?.id, parsePageRequests(message)),
    );
    return;
  }
  if (port.name !== PANEL_PORT) return;
  port.onMessage.addListener((message: unknown) => {
    // Parsed where it arrives, like every runtime message (handlers.ts).
    const request = parsePanelRequest(message);
    if (request !== undefined) void onPanelMessage(port, request);
    else console.warn('CORS Lens: ignored a malformed panel message', message);
  });
}

export function onTabRemoved(tabId: number): void {
  forgetCalls(tabId);
  subscribers.delete(tabId);
  blockedCounts.delete(tabId);
  assembler?.forgetTab(tabId);
  void forgetTab(tabId);
  stopCaptureIfUnwatched();
}
