// Which tabs capture listens to: those a CORS panel inspects, and only while it does. The first tab starts the
// intake (capture-intake.ts) and the page hook; when a tab's last panel closes its listeners go, and its log too
// unless "Preserve log" is on; the last tab takes the intake and the hook with it.
import type { NetEvent } from '../../core/exchange';
import { browser } from '../../shared/browser';
import { forgetBlocked } from './blocked-badge';
import {
  forgetTabInIntake,
  holdEventsUntilStarted,
  intakeRunning,
  onEvent,
  startIntake,
  stopIntake,
  takeChanges,
} from './capture-intake';
import { pauseRelays } from './hook-relays';
import { forgetHostAccess } from './host-access';
import { forgetTab, preservedTabs } from './log-store';
import { forgetCalls } from './page-calls';
import { hookOpenPage, installPageHook, removePageHook } from './page-hook';
import { broadcastStatus, isWatched, watchedTabs } from './panel-hub';
import { startWebRequestCapture } from './webrequest-events';

/** The tabs whose requests are listened to, each with the function that stops listening. */
const listening = new Map<number, () => void>();

/** storage.session: the tabs panels were watching, so that a restarted worker resumes exactly those. */
const WATCHED_KEY = 'watchedTabs';
/** How long a resumed capture waits for its panels to reconnect before it stops (they retry within 5 s). */
const RESUME_GRACE_MS = 10_000;

export function isListened(tabId: number): boolean {
  return listening.has(tabId);
}

function persistWatched(): void {
  void browser.storage.session.set({ [WATCHED_KEY]: [...listening.keys()] });
}

/** Listens to `tabId` (if not yet), and makes sure the intake and the page hook run. */
export async function listenTo(tabId: number): Promise<void> {
  if (!listening.has(tabId)) {
    holdEventsUntilStarted();
    listening.set(tabId, startWebRequestCapture(tabId, onEvent));
    persistWatched();
  }
  // Another tab listened to already started them, or is starting them.
  if (intakeRunning() || listening.size > 1) return;
  void installPageHook().catch((e: unknown) => console.warn('CORS Lens: page hook not registered', e));
  await startIntake(listening);
}

/** Stops listening to `tabId`; the last tab takes the intake and the page hook with it. */
export function stopListeningTo(tabId: number): void {
  listening.get(tabId)?.();
  listening.delete(tabId);
  forgetTabInIntake(tabId);
  forgetCalls(tabId);
  pauseRelays(tabId);
  persistWatched();
  if (listening.size > 0) return;
  stopIntake();
  void removePageHook();
}

/** The last panel of a tab closed: stop listening, and drop the tab's log unless the user preserves it. */
export async function onLastPanelGone(tabId: number): Promise<void> {
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
