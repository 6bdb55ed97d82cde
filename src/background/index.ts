// Service worker (Chrome) / event page (Firefox). MV3 may stop it at any moment, so every listener is
// registered synchronously here at top level and all state lives in storage.
import { activeRules } from '../core/rules';
import { browser } from '../shared/browser';
import {
  onConnect,
  onHostAccessChanged,
  onTabRemoved,
  resumeCaptureIfWatched,
} from './capture/capture-service';
import { handle } from './handlers';
import {
  isRescuing,
  listenToDebugger,
  onRescueStorageChanged,
  whenRescueCanceled,
} from './rescue/rescue-service';
import { EXPIRY_ALARM, refresh, reportFailure, switchOffAnswerPreflights } from './rules-service';
import { loadRules } from './rules-store';

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

// Expiry, and the retry after a failed update: refresh re-arms the alarm whatever happens, and reports failures.
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === EXPIRY_ALARM) void refresh().catch(reportFailure);
});

// A tab moving to another origin can change which tab an ambiguous override (two dev servers, one host) is
// narrowed to. Only URL changes of tabs we can see (granted hosts) arrive with a url.
browser.tabs.onUpdated.addListener((tabId, info) => {
  if (info.url) void refreshIfActive().catch(reportFailure);
  // A tab CORS Lens answers preflights in, leaving for a host it cannot see (no url reported): let go of it.
  else if (info.status === 'loading')
    void isRescuing(tabId)
      .then((yes) => (yes ? refresh() : undefined))
      .catch(reportFailure);
});

async function refreshIfActive(): Promise<void> {
  const { state } = await loadRules();
  if (activeRules(state, Date.now()).length > 0) await refresh();
}

// Observing starts only when a CORS panel connects (capture-service.ts): nothing listens to the network before,
// except for the first moments of each worker start, so that a restart while a panel watches loses no request.
browser.runtime.onConnect.addListener(onConnect);
resumeCaptureIfWatched();
browser.tabs.onRemoved.addListener((tabId) => onTabRemoved(tabId));
browser.permissions.onAdded.addListener(onHostAccessChanged);
browser.permissions.onRemoved.addListener(onHostAccessChanged);

// Answering preflights (Chromium, rescue-service.ts): a DevTools-protocol session outlives a stopped worker and its
// paused requests wake the next one, so its listeners are registered here, at top level, like every other.
listenToDebugger();
browser.storage.onChanged.addListener(onRescueStorageChanged);
whenRescueCanceled(() => void switchOffAnswerPreflights().catch(reportFailure));
// Granting or revoking the debugger permission changes which DNR rules apply and which tabs are attached.
const onDebuggerPermission = ({ permissions }: { permissions?: string[] }) => {
  if (permissions?.includes('debugger')) void refresh().catch(reportFailure);
};
browser.permissions.onAdded.addListener(onDebuggerPermission);
browser.permissions.onRemoved.addListener(onDebuggerPermission);
