// Where panels and the page hook's relays reach capture: a panel subscribes to a tab (its snapshot, then updates),
// clears its log, preserves it, asks for whole records; a relay's reports join the inspected tab's rows. Which tabs
// are listened to is capture-lifecycle.ts's job; what is taken in, capture-intake.ts's.
import { type LoggedExchange, PAGE_REQUESTS_PORT, parsePanelRequest, summaryOf } from '../../core/exchange';
import type { Runtime } from '../../shared/browser';
import { PANEL_PORT, type PanelToBackground } from '../../shared/panel-protocol';
import { forgetBlocked, resetBlocked } from './blocked-badge';
import { logged, onPageReports, takeQueuedEvents } from './capture-intake';
import { isListened, listenTo, onLastPanelGone, stopListeningTo } from './capture-lifecycle';
import { acceptRelay } from './hook-relays';
import { existingLog, forgetTab, logFor, markDirty, preservedTabs, setPreserved } from './log-store';
import { hookOpenPage } from './page-hook';
import { broadcastCleared, forgetPanels, sendTo, status, subscribe } from './panel-hub';
import { takeStream } from './panel-streams';

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
      takeQueuedEvents(); // the snapshot holds every request the browser has told of
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
      takeQueuedEvents(); // what happened before the click is cleared with the rest
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
      takeQueuedEvents();
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

/** Registered at top level by index.ts: panels and the page hook's relays connect here. */
export function onConnect(port: Runtime.Port): void {
  if (port.name === PAGE_REQUESTS_PORT) {
    acceptRelay(port, isListened, (tabId, reports) => void onPageReports(tabId, reports));
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
