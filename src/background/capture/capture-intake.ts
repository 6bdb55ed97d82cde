// What capture takes in, while any tab is listened to: webRequest events become records (the assembler), records are
// logged with their verdicts, counted on the badge and queued for the tab's panels; the page hook's reports join
// their records. Which tabs are listened to is capture-lifecycle.ts's job.
import { firefoxNeedsPreflight, needsPreflight } from '../../core/cors';
import {
  type Assembler,
  createAssembler,
  endAbandoned,
  joinPageReports,
  type LoggedExchange,
  mergeResumed,
  type NetEvent,
  type PageReports,
  type TabLog,
  toLogged,
  withHeaderRead,
  withPageCall,
} from '../../core/exchange';
import { countBlocked, resetBlocked } from './blocked-badge';
import { INTAKE_LATEST_MS, INTAKE_QUIET_MS } from './intake-windows';
import { knownPreservedTabs, lastSeqEver, loadedLog, logFor, markDirty, preservedTabs } from './log-store';
import { rememberCalls, rememberReads, takeCallFor, takeReadsFor } from './page-calls';
import { broadcastCleared, COALESCE_MS, queueUpdate } from './panel-hub';
import { quietWindow } from './quiet-window';
import { currentRules, followRules, stopFollowingRules } from './rules-cache';
import {
  preflightAfterActual,
  responseHeadersBeforeDnr,
  seesRefusals,
  sendPrecedesPreflight,
  verdictBrowser,
} from './webrequest-events';

type CapturedRecord = LoggedExchange['record'];

/** Events not yet taken in, and when they are taken (intake-windows.ts). */
let queued: NetEvent[] = [];
const intake = quietWindow(INTAKE_QUIET_MS, INTAKE_LATEST_MS, () => takeQueuedEvents());
let assembler: Assembler | undefined;
/** Events taken before the assembler exists (it waits on storage for the last seq). */
let early: NetEvent[] | undefined;
let sweepTimer: ReturnType<typeof setInterval> | undefined;
/** Set while the assembler holds changes to known rows, which are built and logged together when it fires. */
let changesTimer: ReturnType<typeof setTimeout> | undefined;

/** A record with its verdicts, judged under the override that applied to it and what this browser shows. */
export function logged(record: CapturedRecord): LoggedExchange {
  return toLogged(record, currentRules(), responseHeadersBeforeDnr, seesRefusals, verdictBrowser);
}

/** A tab starts being listened to: its events are kept until the intake runs, if it does not yet. */
export function holdEventsUntilStarted(): void {
  early ??= assembler ? undefined : [];
}

export function intakeRunning(): boolean {
  return assembler !== undefined;
}

/**
 * Starts the intake (its assembler, the rules cache its verdicts read, the sweeps). `listened`: the tabs listened
 * to, by the time it is ready — none, and it does not start.
 */
export async function startIntake(listened: ReadonlyMap<number, unknown>): Promise<void> {
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
  // Started by another subscriber, or stopped, while we awaited.
  if (assembler || listened.size === 0) return;
  assembler = created;
  const buffered = early ?? [];
  early = undefined;
  for (const event of buffered) takeEvent(event); // before the queue's: they came first
  let sweeps = 0;
  sweepTimer = setInterval(() => {
    takeQueuedEvents(); // a request whose end waits in the queue has not been abandoned
    if (assembler && assembler.pending() > 0) acceptAll(assembler.sweep(Date.now()));
    if (++sweeps % 5 === 0) endAbandonedRecords(listened.keys());
  }, 1000);
}

/** No tab is listened to any more: the assembler, its queue, its timers and the rules cache go. */
export function stopIntake(): void {
  assembler = undefined;
  early = undefined;
  queued = [];
  intake.cancel();
  clearInterval(sweepTimer);
  clearTimeout(changesTimer);
  changesTimer = undefined;
  stopFollowingRules();
}

/** The tab is no longer listened to: the requests the assembler follows for it are dropped. */
export function forgetTabInIntake(tabId: number): void {
  takeQueuedEvents();
  assembler?.forgetTab(tabId);
}

/** Rows a stopped worker left pending, that no assembler follows: ended and marked, never pending for good. */
function endAbandonedRecords(tabs: Iterable<number>): void {
  const now = Date.now();
  for (const tabId of tabs) {
    for (const record of loadedLog(tabId)?.pending() ?? []) {
      if (assembler?.tracks(record.id)) continue;
      const ended = endAbandoned(record, now);
      if (ended && assembler) void accept({ ...ended, seq: assembler.nextSeq() });
    }
  }
}

/** A webRequest event of a listened tab: queued, to be taken with its batch. */
export function onEvent(event: NetEvent): void {
  queued.push(event);
  intake.touch();
}

/**
 * Takes every queued event now, in order: before anything reads the logs (a snapshot, details, a clear, the page's
 * reports), so that it reads all the browser has told.
 */
export function takeQueuedEvents(): void {
  intake.cancel();
  const events = queued;
  queued = []; // a navigation taken below takes the queue again: it finds it empty, and the rest follow in order
  for (const event of events) takeEvent(event);
}

function takeEvent(event: NetEvent): void {
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
function acceptAll(created: CapturedRecord[]): void {
  for (const record of created) void accept(record);
  if (assembler?.hasChanges()) changesTimer ??= setTimeout(() => takeChanges(), COALESCE_MS);
}

/**
 * Logs the changes that are due: every change to an ended request, those to running requests once they waited
 * (the assembler's runningChangeMs), or all of them with `all`. Each row then travels about twice, new and ended,
 * rather than once per step: the messages to the panels were most of capture's cost (`npm run bench`).
 */
export function takeChanges(all = false): void {
  if (all) takeQueuedEvents();
  clearTimeout(changesTimer);
  changesTimer = undefined;
  // Already held back for the window: they go to the panels at the end of this task.
  for (const record of assembler?.takeChanges(all ? undefined : Date.now()) ?? []) void accept(record, true);
  if (assembler?.hasChanges()) changesTimer = setTimeout(() => takeChanges(), COALESCE_MS);
}

/**
 * The tab navigated: its log starts over (unless preserved). In the task that takes the navigation's own event, when
 * the log is at hand, before the events after it: nothing of the new page is logged, or sent to a panel, before the
 * clear.
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
async function accept(seen: CapturedRecord, coalesced = false): Promise<void> {
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
function restamp(record: CapturedRecord): CapturedRecord {
  return assembler ? { ...record, seq: assembler.nextSeq() } : record;
}

/**
 * What the hook in an inspected page reports: each call joins the request it made, already logged or not yet;
 * each response header its script read joins the response.
 */
export async function onPageReports(tabId: number, reports: PageReports): Promise<void> {
  if (reports.calls.length + reports.reads.length === 0) return;
  takeQueuedEvents(); // a call joins the request it made, which may be in the queue
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
