// Which open tabs show which page origin: needed to narrow overrides by tabIds when two dev servers share a
// host (DNR matches hosts, not ports). URLs are visible only for hosts we were granted, which are exactly the
// page origins that have rules.
import { browser } from '../shared/browser';

export async function tabsByOrigin(): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined || !tab.url) continue;
    let origin: string;
    try {
      origin = new URL(tab.url).origin;
    } catch {
      continue;
    }
    const ids = out[origin] ?? [];
    ids.push(tab.id);
    out[origin] = ids;
  }
  return out;
}
