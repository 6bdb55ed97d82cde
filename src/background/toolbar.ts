// The toolbar button tells the state at a glance: an amber icon and "ON" badge while any override is active,
// the number of blocked cross-origin requests of the tab in red.

import icon16 from '../../assets/icon-16.png';
import icon32 from '../../assets/icon-32.png';
import activeIcon16 from '../../assets/icon-active-16.png';
import activeIcon32 from '../../assets/icon-active-32.png';
import { browser } from '../shared/browser';

const BLOCKED_RED = '#c62828';
const OVERRIDE_AMBER = '#b45309';

let overrideShown: boolean | undefined;

export async function showOverrideState(activeCount: number): Promise<void> {
  const active = activeCount > 0;
  const title = active
    ? `CORS Lens — ${activeCount} override${activeCount === 1 ? '' : 's'} active: CORS is relaxed for the listed sites`
    : 'CORS Lens';
  await browser.action.setTitle({ title });
  if (overrideShown === active) return;
  overrideShown = active;
  await browser.action.setIcon({
    path: active ? { 16: activeIcon16, 32: activeIcon32 } : { 16: icon16, 32: icon32 },
  });
  // Global badge; a tab's own blocked count (set per tab) takes precedence over it.
  await browser.action.setBadgeText({ text: active ? 'ON' : '' });
  if (active) await browser.action.setBadgeBackgroundColor({ color: OVERRIDE_AMBER });
}

export async function showBlockedCount(tabId: number, blocked: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: blocked > 0 ? String(Math.min(blocked, 999)) : null } as {
    tabId: number;
    text: string;
  });
  if (blocked > 0) await browser.action.setBadgeBackgroundColor({ tabId, color: BLOCKED_RED });
}
