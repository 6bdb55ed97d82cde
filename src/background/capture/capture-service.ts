// Observing, for the tabs a CORS panel inspects and only while it does: webRequest events of those tabs become
// exchanges in per-tab logs, each with a verdict, streamed to the tab's panels and counted on the toolbar badge.
// When a tab's last panel closes its listeners go, and its log too unless "Preserve log" is on.
import { firefoxNeedsPreflight, needsPreflight } from '../../core/cors';
import {
  type Assembler,
  createAssembler,
  endAbandoned,
  joinPageReports,
  type LoggedExchange,
  mergeResumed,
  type NetEvent,
  PAGE_REQUESTS_PORT,
  type PageReports,
  parsePanelRequest,
  summaryOf,
  type TabLog,
  toLogged,
  withHeaderRead,
  withPageCall,
} from '../../core/exchange';
import { browser, type Runtime } from '../../shared/browser';
import { PANEL_PORT, type PanelToBackground } from '../../shared/panel-protocol';
import { countBlocked, forgetBlocked, resetBlocked } from './blocked-badge';
import { acceptRelay, pauseRelays } from './hook-relays';
import { forgetHostAccess } from './host-access';
import {
  existingLog,
  forgetTab,
  knownPreservedTabs,
  lastSeqEver,
  loadedLog,
  logFor,
  markDirty,
  preservedTabs,
  setPreserved,
} from './log-store';
import { forgetCalls, rememberCalls, rememberReads, takeCallFor, takeReadsFor } from './page-calls';
import { hookOpenPage, installPageHook, removePageHook } from './page-hook';
import {
  broadcastCleared,
  broadcastStatus,
  COALESCE_MS,
  forgetPanels,
  isWatched,
  queueUpdate,
  sendTo,
  status,
  subscribe,
  watchedTabs,
} from './panel-hub';
import { takeStream } from './panel-streams';
import { currentRules, followRules, stopFollowingRules } from './rules-cache';
import {
  preflightAfterActual,
  responseHeadersBeforeDnr,
  seesRefusals,
  sendPrecedesPreflight,
  startWebRequestCapture,
  verdictBrowser,
} from './webrequest-events';

/** The tabs whose requests are listened to, each with the function that stops listening. */
const listening = new Map<number, () => void>();
let assembler: Assembler | undefined;
/** Events that arrive before the assembler exists (it waits on storage for the last seq). */
let early: NetEvent[] | undefined;
let sweepTimer: ReturnType<typeof setInterval> | undefined;
/** Set while the assembler holds changes to known rows, which are built and logged together when it fires. */
let changesTimer: ReturnType<typeof setTimeout> | undefined;

/** storage.session: the tabs panels were watching, so that a restarted worker resumes exactly those. */
const WATCHED_KEY = 'watchedTabs';
/** How long a resumed capture waits for its panels to reconnect before it stops (they retry within 5 s). */
const RESUME_GRACE_MS = 10_000;

/** A record with its verdicts, judged under the override that applied to it and what this browser shows. */
function logged(record: LoggedExchange['record']): LoggedExchange {
  return toLogged(record, currentRules(), responseHeadersBeforeDnr, seesRefusals, verdictBrowser);
}

function persistWatched(): void {
  void browser.storage.session.set({ [WATCHED_KEY]: [...listening.keys()] });
}

/** Listens to `tabId` (if not yet), and makes sure the assembler and what it needs exist. */
async function listenTo(tabId: number): Promise<void> {
  if (!listening.has(tabId)) {
    early ??= assembler ? undefined : [];
    listening.set(tabId, startWebRequestCapture(tabId, onEvent));
    persistWatched();
  }
  if (assembler || listening.size > 1) return;
  void installPageHook().catch((e: unknown) => console.warn('CORS Lens: page hook not registered', e));
  await followRules();
  const created = createAssembler({
    needsPreflight: (method, headers) =>
      (verdictBrowser === 'firefox' ? firefoxNeedsPreflight : needsPreflight)({ method, headers }).required,
    preflightAfterActual,
    sendPrecedesPreflight,
    lastSeq: await lastSeqEver(),
    // A request's events come a few milliseconds apart: its changes are built once per window, not per event.
    deferChanges: true,
  });
  if (assembler || listening.size === 0) return; // created by another subscriber, or stopped, while we awaited
  assembler = created;
  const buffered = early ?? [];
  early = undefined;
  for (const event of buffered) onEvent(event);
  let sweeps = 0;
  sweepTimer = setInterval(() => {
    if (assembler && assembler.pending() > 0) acceptAll(assembler.sweep(Date.now()));
    if (++sweeps % 5 === 0) endAbandonedRecords();
  }, 1000);
}

/** Stops listening to `tabId`; the last tab takes the assembler, the page hook and the rules cache with it. */
function stopListeningTo(tabId: number): void {
  listening.get(tabId)?.();
  listening.delete(tabId);
  assembler?.forgetTab(tabId);
  forgetCalls(tabId);
  pauseRelays(tabId);
  persistWatched();
  if (listening.size > 0) return;
  assembler = undefined;
  early = undefined;
  clearInterval(sweepTimer);
  clearTimeout(changesTimer);
  changesTimer = undefined;
  stopFollowingRules();
  void removePageHook();
}

/** The last panel of a tab closed: stop listening, and drop the tab's log unless the user preserves it. */
async function onLastPanelGone(tabId: number): Promise<void> {
  takeChanges(true); // a preserved log keeps the last state of the tab's requests (a closed tab's are just dropped)
  stopListeningTo(tabId);
  if ((await preservedTabs()).has(tabId) || isWatched(tabId)) return;
  forgetBlocked(tabId);
  await forgetTab(tabId);
}

/**
 * Host access changed (a grant from the panel, the popup or the add-ons manager). Re-register the network
 * listeners: in Chromium 156, webRequest listeners added before a host permission was granted at run time never
 * fire for it afterwards (nor do listeners added later for the same events) until they are removed — measured:
 * 0 events after the grant, all of them after a remove and re-add. Then every open panel gets the new status.
 */
export function onHostAccessChanged(): void {
  forgetHostAccess();
  for (const [tabId, stop] of listening) {
    stop();
    listening.set(tabId, startWebRequestCapture(tabId, onEvent));
  }
  for (const tabId of watchedTabs()) {
    void hookOpenPage(tabId); // the page loaded before access was granted: hook it now
    void broadcastStatus(tabId);
  }
}

/** Rows a stopped worker left pending, that no assembler follows: ended and marked, never pending for good. */
function endAbandonedRecords(): void {
  const now = Date.now();
  for (const tabId of listening.keys()) {
    for (const record of loadedLog(tabId)?.pending() ?? []) {
      if (assembler?.tracks(record.id)) continue;
      const ended = endAbandoned(record, now);
      if (ended && assembler) void accept({ ...ended, seq: assembler.nextSeq() });
    }
  }
}

/**
 * Called synchronously when the worker starts. MV3 stops the worker at will; if panels were watching, they reconnect
 * by themselves, and capture resumes for exactly their tabs (read from storage.session). Chromium delivers the
 * events that arrive meanwhile (the one that woke the worker included) only to listeners registered in its first
 * turn, so one listens at once, keeps what it hears, and hands over to the watched tabs' own listeners once storage
 * has answered — a few milliseconds, so an idle CORS Lens costs nothing measurable. A tab whose panel does not
 * come back within the grace period stops being listened to.
 */
export function resumeCaptureIfWatched(): void {
  const heard: NetEvent[] = [];
  const stopFirstTurn = startWebRequestCapture(undefined, (event) => heard.push(event));
  void browser.storage.session.get(WATCHED_KEY).then(
    (stored) => {
      const value = stored[WATCHED_KEY];
      const tabs = Array.isArray(value) ? value.filter((n): n is number => Number.isInteger(n)) : [];
      // In one task: no event falls between the first-turn listener and the tabs' own.
      stopFirstTurn();
      for (const tabId of tabs) void listenTo(tabId);
      for (const event of heard) if (listening.has(tabOf(event))) onEvent(event);
      if (tabs.length === 0) return;
      setTimeout(() => {
        for (const tabId of tabs) if (!isWatched(tabId)) void onLastPanelGone(tabId);
      }, RESUME_GRACE_MS);
    },
    () => stopFirstTurn(),
  );
}

function tabOf(event: NetEvent): number {
  return event.kind === 'before-request' ? event.tabId : (event.start?.tabId ?? -1);
}

function onEvent(event: NetEvent): void {
  if (early) {
    early.push(event);
    return;
  }
  if (event.kind === 'before-request' && event.type === 'main_frame' && event.tabId >= 0) {
    onNavigation(event.tabId);
    return;
  }
  if (!assembler) return;
  acceptAll(assembler.push(event));
}

/**
 * Logs the new rows the assembler gave at once (they reach the panels at the end of this task, or with the rest of a
 * burst: panel-hub.ts), and has its changes to known rows taken within the panels' coalescing window.
 */
function acceptAll(created: LoggedExchange['record'][]): void {
  for (const record of created) void accept(record);
  if (assembler?.hasChanges()) changesTimer ??= setTimeout(() => takeChanges(), COALESCE_MS);
}

/**
 * Logs the changes that are due: every change to an ended request, those to running requests once they waited
 * (the assembler's runningChangeMs), or all of them with `all`. Each row then travels about twice, new and ended,
 * rather than once per step: the messages to the panels were most of capture's cost (`npm run bench`).
 */
function takeChanges(all = false): void {
  clearTimeout(changesTimer);
  changesTimer = undefined;
  // Already held back for the window: they go to the panels at the end of this task.
  for (const record of assembler?.takeChanges(all ? undefined : Date.now()) ?? []) void accept(record, true);
  if (assembler?.hasChanges()) changesTimer = setTimeout(() => takeChanges(), COALESCE_MS);
}

/**
 * The tab navigated: its log starts over (unless preserved). In the task of the navigation's own event when the log
 * is at hand, so that nothing of the new page is logged, or sent to a panel, before the clear.
 */
function onNavigation(tabId: number): void {
  takeChanges(true); // the old page's requests are logged as they were at the navigation, and go with the clear
  const preserved = knownPreservedTabs();
  const log = loadedLog(tabId);
  if (preserved && log) clearForNavigation(tabId, log, preserved);
  else void Promise.all([preservedTabs(), logFor(tabId)]).then(([p, l]) => clearForNavigation(tabId, l, p));
}

function clearForNavigation(tabId: number, log: TabLog, preserved: ReadonlySet<number>): void {
  if (preserved.has(tabId) || log.size === 0) return;
  log.clear();
  markDirty(tabId);
  resetBlocked(tabId);
  broadcastCleared(tabId, log, preserved, 'navigation');
}

/** Logs a record the assembler built (or one a page report changed); `coalesced`: it already waited its window. */
async function accept(seen: LoggedExchange['record'], coalesced = false): Promise<void> {
  const log = loadedLog(seen.tabId) ?? (await logFor(seen.tabId));
  const known = log.get(seen.id);
  const earlier = seen.resumed === true ? known : undefined;
  let record = earlier === undefined ? seen : mergeResumed(earlier, seen);
  // What the hook in the page told (the call, the headers read) stays with the record through every later event.
  if (record.page === undefined) {
    const call = known?.page === undefined ? takeCallFor(record) : undefined;
    if (known?.page) record = { ...record, page: known.page };
    else if (call) record = withPageCall(record, call);
  }
  if (known?.readHeaders && record.readHeaders === undefined)
    record = { ...record, readHeaders: known.readHeaders };
  for (const header of takeReadsFor(record)) record = withHeaderRead(record, header);
  log.add(record);
  markDirty(record.tabId);
  const entry = logged(record);
  countBlocked(entry, log, logged);
  queueUpdate(entry, known === undefined ? 'new' : coalesced ? 'due' : 'change');
}

/** A logged record changed outside the assembler: stamped anew, so that every panel takes it as the newer state. */
function restamp(record: LoggedExchange['record']): LoggedExchange['record'] {
  return assembler ? { ...record, seq: assembler.nextSeq() } : record;
}

/**
 * What the hook in an inspected page reports: each call joins the request it made, already logged or not yet;
 * each response header its script read joins the response. Reports that were on their way when their tab stopped
 * being inspected are dropped (hook-relays.ts pauses the hook of every other tab).
 */
async function onPageReports(tabId: number, reports: PageReports): Promise<void> {
  if (!listening.has(tabId) || reports.calls.length + reports.reads.length === 0) return;
  const log = loadedLog(tabId) ?? (await logFor(tabId));
  const { changed, waitingCalls, waitingReads } = joinPageReports(log.snapshot(), reports);
  for (const record of changed) {
    // A request still followed carries the change with its next one: each message to the panels costs more than
    // the change it carries, and a page reports nearly every call.
    if (assembler?.touch(record.id, Date.now())) {
      log.add(restamp(record));
      markDirty(tabId);
    } else void accept(restamp(record));
  }
  if (assembler?.hasChanges()) changesTimer ??= setTimeout(() => takeChanges(), COALESCE_MS);
  rememberCalls(tabId, waitingCalls);
  rememberReads(tabId, waitingReads);
}

async function onPanelMessage(port: Runtime.Port, message: PanelToBackground): Promise<void> {
  switch (message.type) {
    case 'heartbeat':
      return; // receiving it is the point: it keeps the service worker alive while a panel is open
    case 'subscribe': {
      const stream = message.stream === undefined ? undefined : await takeStream(message.stream);
      // A panel gone while its stream was awaited would never disconnect again: it must not be subscribed.
      if (disconnected.has(port)) {
        stream?.close();
        return;
      }
      subscribe(message.tabId, port, (tabId) => void onLastPanelGone(tabId), stream);
      await listenTo(message.tabId);
      void hookOpenPage(message.tabId);
      const log = await logFor(message.tabId);
      sendTo(port, {
        type: 'snapshot',
        tabId: message.tabId,
        entries: log.snapshot().map((record) => summaryOf(logged(record))),
        status: await status(message.tabId),
      });
      return;
    }
    case 'clear': {
      const preserved = await preservedTabs();
      const log = await logFor(message.tabId);
      log.clear();
      markDirty(message.tabId);
      resetBlocked(message.tabId);
      broadcastCleared(message.tabId, log, preserved, 'user');
      return;
    }
    case 'set-preserve-log':
      await setPreserved(message.tabId, message.preserve);
      return;
    case 'details': {
      // Judged again like a snapshot's rows; the panel keeps its row's own verdicts when the state is the same.
      const log = await existingLog(message.tabId);
      const entries: LoggedExchange[] = [];
      for (const id of message.ids) {
        const record = log?.get(id);
        if (record !== undefined) entries.push(logged(record));
      }
      sendTo(port, { type: 'details', tabId: message.tabId, ask: message.ask, entries });
      return;
    }
  }
}

/** Panel ports that disconnected: a subscribe still in progress when its port goes must not go on. */
const disconnected = new WeakSet<Runtime.Port>();

/** Registered at top level by index.ts: panels and the page hook's relay connect here. */
export function onConnect(port: Runtime.Port): void {
  if (port.name === PAGE_REQUESTS_PORT) {
    acceptRelay(
      port,
      (tabId) => listening.has(tabId),
      (tabId, reports) => void onPageReports(tabId, reports),
    );
    return;
  }
  if (port.name !== PANEL_PORT) return;
  port.onDisconnect.addListener(() => disconnected.add(port));
  port.onMessage.addListener((message: unknown) => {
    // Parsed where it arrives, like every runtime message (handlers.ts).
    const request = parsePanelRequest(message);
    if (request !== undefined) void onPanelMessage(port, request);
    else console.warn('CORS Lens: ignored a malformed panel message', message);
  });
}

export function onTabRemoved(tabId: number): void {
  forgetPanels(tabId);
  stopListeningTo(tabId);
  forgetBlocked(tabId);
  void forgetTab(tabId);
}
