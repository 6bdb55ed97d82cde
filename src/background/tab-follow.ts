// Tabs navigating change which tab an override narrowed by tab (two dev servers on one host) applies to, and which
// tabs CORS Lens answers preflights in: while such a rule is in force, and only then, the background follows tab
// updates. Nothing listens to
// navigations otherwise, so an idle CORS Lens is not woken by every page load. A listener added here does not
// wake a stopped worker (only those registered in its first turn do), so the worker is kept running meanwhile.
import { browser } from '../shared/browser';

type TabUpdate = (tabId: number, info: { url?: string; status?: string }) => void;

let followed: TabUpdate | undefined;
let keepAlive: ReturnType<typeof setInterval> | undefined;
/** Under the 30 s after which MV3 stops an idle worker; any extension API call counts as activity. */
const KEEP_ALIVE_MS = 20_000;

export function followTabsWhile(needed: boolean, onUpdate: TabUpdate): void {
  if (needed && followed === undefined) {
    followed = onUpdate;
    browser.tabs.onUpdated.addListener(followed);
    keepAlive = setInterval(() => void browser.runtime.getPlatformInfo(), KEEP_ALIVE_MS);
  } else if (!needed && followed !== undefined) {
    browser.tabs.onUpdated.removeListener(followed);
    followed = undefined;
    clearInterval(keepAlive);
  }
}
