// The tabs CORS Lens is attached to, with the Fetch patterns each was given, kept in storage.session: the
// DevTools-protocol session outlives a stopped service worker (measured in Chromium 156), so the next worker must
// know what it is attached to. A browser restart ends every session and clears storage.session alike.
import { browser } from '../../shared/browser';

const KEY = 'rescueTabs';

export type AttachedTabs = Record<string, string[]>;

export async function loadAttachedTabs(): Promise<AttachedTabs> {
  try {
    const value = (await browser.storage.session.get(KEY))[KEY];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const out: AttachedTabs = {};
    for (const [tabId, patterns] of Object.entries(value as Record<string, unknown>)) {
      if (Array.isArray(patterns) && patterns.every((p) => typeof p === 'string')) out[tabId] = patterns;
    }
    return out;
  } catch {
    return {};
  }
}

export async function saveAttachedTabs(tabs: AttachedTabs): Promise<void> {
  await browser.storage.session.set({ [KEY]: tabs });
}
