// CORS Lens's hook in the page (src/hook): registered while a CORS panel watches, so that the inspected tab's next
// pages report the credentials mode of their fetch()/XMLHttpRequest calls from their first line; injected at once
// into the inspected tab, whose page is already loaded. A content script cannot be registered for one tab: in every
// other tab the relay is paused as the page starts (hook-relays.ts). Removed when the last panel closes: nothing
// runs in pages while nobody looks.

import { ALL_HOSTS } from '../../core/rules';
import relayFile from '../../hook/hook-relay.ts?script&iife';
import pageHookFile from '../../hook/page-hook.ts?script&iife';
import { browser } from '../../shared/browser';

const HOOK_ID = 'cors-lens-page-hook';
const RELAY_ID = 'cors-lens-hook-relay';

type Scripting = {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
  registerContentScripts(scripts: object[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  executeScript(injection: object): Promise<unknown>;
};
const scripting = () => (browser as unknown as { scripting: Scripting }).scripting;

const common = {
  matches: [...ALL_HOSTS],
  runAt: 'document_start',
  allFrames: true,
  persistAcrossSessions: false,
};

/** Registers the hook for pages loaded from now on (idempotent: a restarted worker finds it registered). */
export async function installPageHook(): Promise<void> {
  const present = new Set(
    (await scripting().getRegisteredContentScripts({ ids: [HOOK_ID, RELAY_ID] })).map((s) => s.id),
  );
  const missing = [
    { id: HOOK_ID, js: [pageHookFile], world: 'MAIN', ...common },
    { id: RELAY_ID, js: [relayFile], ...common },
  ].filter((script) => !present.has(script.id));
  if (missing.length > 0) await scripting().registerContentScripts(missing);
}

export async function removePageHook(): Promise<void> {
  try {
    await scripting().unregisterContentScripts({ ids: [HOOK_ID, RELAY_ID] });
  } catch {
    // not registered
  }
}

/**
 * The hook in a page that is already loaded (the tab a panel just opened on); both scripts hook only once, and a
 * relay paused before resumes.
 */
export async function hookOpenPage(tabId: number): Promise<void> {
  const target = { tabId, allFrames: true };
  try {
    await Promise.all([
      scripting().executeScript({ target, files: [pageHookFile], world: 'MAIN', injectImmediately: true }),
      scripting().executeScript({ target, files: [relayFile], injectImmediately: true }),
    ]);
  } catch {
    // no access to that page (yet), or a page scripts cannot run in
  }
}
