// Installs the DNR session rules derived from the active override rules, all or nothing. When no override is
// active, no modifyHeaders rule is installed at all: one idle rule costs ~10% page-load time in Chromium.
import { activeRules, checkQuota, compileRules, type RulesState } from '../core/rules';
import { browser } from '../shared/browser';
import { tabsByOrigin } from './tab-origins';
import { showOverrideState } from './toolbar';

export interface SyncResult {
  activeIds: string[];
  problems: string[];
}

export async function syncDnr(state: RulesState, now = Date.now()): Promise<SyncResult> {
  const active = activeRules(state, now);
  const compiled = compileRules(active, { tabsByOrigin: active.length ? await tabsByOrigin() : {} });
  const quota = checkQuota(compiled.rules.length);
  if (quota) return { activeIds: [], problems: [quota, ...compiled.problems] }; // nothing half-applied
  const installed = await browser.declarativeNetRequest.getSessionRules();
  await browser.declarativeNetRequest.updateSessionRules({
    removeRuleIds: installed.map((r) => r.id),
    addRules: compiled.rules as Parameters<
      typeof browser.declarativeNetRequest.updateSessionRules
    >[0]['addRules'],
  });
  await showOverrideState(active.length);
  return { activeIds: active.map((r) => r.id), problems: compiled.problems };
}
