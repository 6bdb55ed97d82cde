// The ports of the page hook's relays (src/hook/hook-relay.ts), by tab. The hook is registered for every page while
// any panel is open; a relay that connects from a tab no panel inspects is paused at once, and the relays of a tab
// are paused when it stops being inspected: only the inspected tabs' pages record their calls.
import { PAUSE_HOOK, type PageReports, parsePageReports } from '../../core/exchange';
import type { Runtime } from '../../shared/browser';

const relays = new Map<number, Set<Runtime.Port>>();

function pause(port: Runtime.Port): void {
  try {
    port.postMessage(PAUSE_HOOK); // the relay closes the port itself, once it has read this
  } catch {
    // the page is gone
  }
}

/**
 * A relay connected: kept, if `inspected(tab)`, its reports passed on while the tab still is (reports on their way
 * when it stopped being inspected are dropped); paused otherwise.
 */
export function acceptRelay(
  port: Runtime.Port,
  inspected: (tabId: number) => boolean,
  onReports: (tabId: number, reports: PageReports) => void,
): void {
  const tabId = port.sender?.tab?.id;
  if (tabId === undefined || !inspected(tabId)) {
    pause(port);
    return;
  }
  const ports = relays.get(tabId) ?? new Set();
  ports.add(port);
  relays.set(tabId, ports);
  port.onDisconnect.addListener(() => {
    ports.delete(port);
    if (ports.size === 0 && relays.get(tabId) === ports) relays.delete(tabId);
  });
  port.onMessage.addListener((message: unknown) => {
    if (inspected(tabId)) onReports(tabId, parsePageReports(message));
  });
}

/** The tab is no longer inspected: its pages' hooks stop recording. */
export function pauseRelays(tabId: number): void {
  const ports = relays.get(tabId);
  relays.delete(tabId);
  for (const port of ports ?? []) pause(port);
}
