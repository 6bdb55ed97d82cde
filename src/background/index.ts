// Service worker (Chrome) / event page (Firefox). MV3 may stop it at any moment, so every listener is
// registered synchronously here at top level and all state lives in storage. None of them fires on page loads or
// requests: an idle CORS Lens costs pages nothing (capture and tab following start only when needed).
import { browser } from '../shared/browser';
import { onHostAccessChanged, resumeCaptureIfWatched } from './capture/capture-lifecycle';
import { onConnect, onTabRemoved } from './capture/capture-service';
import { onStreamOffer } from './capture/panel-streams';
import { handle } from './handlers';
import { completePendingGrants } from './pending-grants';
import { forgetRescueRules, listenToDebugger, whenRescueCanceled } from './rescue/rescue-service';
import {
  EXPIRY_ALARM,
  refresh,
  refreshIfActive,
  reportFailure,
  switchOffAnswerPreflights,
} from './rules-service';
import { followSavedRules, onLocalStorageChanged } from './rules-store';

// Every message is parsed here, where it arrives (handlers.ts); one that is not ours gets no answer from us.
browser.runtime.onMessage.addListener((message: unknown) => handle(message));

browser.runtime.onInstalled.addListener(({ reason }) => {
  void refresh().catch(reportFailure);
  // First install only: a short page that says where the panel is and what each permission is for.
  if (reason === 'install')
    void browser.tabs.create({ url: browser.runtime.getURL('src/welcome/index.html') });
});

// Session DNR rules die with the browser: re-derive them from the stored model (pinned and timed rules).
browser.runtime.onStartup.addListener(() => void refresh().catch(reportFailure));

// A worker woken while overrides are in force takes up what only a running worker does (following tabs for rules
// narrowed to tabs or answering preflights): a listener added at run time does not outlive the worker.
void refreshIfActive().catch(reportFailure);

// Expiry, and the retry after a failed update: refresh re-arms the alarm whatever happens, and reports failures.
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === EXPIRY_ALARM) void refresh().catch(reportFailure);
});

// Observing starts only when a CORS panel connects (capture/capture-lifecycle.ts), for its tab only. A worker
// restarted while panels watched resumes their tabs, and listens from its first turn so that nothing is lost.
browser.runtime.onConnect.addListener(onConnect);
// Chromium: a panel hands the worker the MessagePort its stream travels on (panel-streams.ts). Firefox's event page
// is not a worker: its panels stream over their runtime port.
if ('ServiceWorkerGlobalScope' in globalThis)
  globalThis.addEventListener('message', (event) => onStreamOffer(event as MessageEvent));
resumeCaptureIfWatched();
browser.tabs.onRemoved.addListener((tabId) => onTabRemoved(tabId));
browser.permissions.onAdded.addListener(() => {
  onHostAccessChanged();
  void completePendingGrants();
});
browser.permissions.onRemoved.addListener(onHostAccessChanged);

// Answering preflights (Chromium, rescue-service.ts): a DevTools-protocol session outlives a stopped worker and its
// paused requests wake the next one, so its listeners are registered here, at top level, like every other.
listenToDebugger();
followSavedRules(forgetRescueRules);
// The rules' own area only: storage.onChanged would also carry every write of the log mirror (rules-store.ts).
browser.storage.local.onChanged.addListener(onLocalStorageChanged);
whenRescueCanceled(() => void switchOffAnswerPreflights().catch(reportFailure));
// Granting or revoking the debugger permission changes which DNR rules apply and which tabs are attached.
const onDebuggerPermission = ({ permissions }: { permissions?: string[] }) => {
  if (permissions?.includes('debugger')) void refresh().catch(reportFailure);
};
browser.permissions.onAdded.addListener(onDebuggerPermission);
browser.permissions.onRemoved.addListener(onDebuggerPermission);
