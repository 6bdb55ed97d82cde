// Installs the DNR rules derived from the active override rules, all or nothing: pinned rules as dynamic rules
// (in force from the first request after a browser restart), the rest as session rules (split-by-scope.ts). When
// no override is active, no modifyHeaders rule is installed at all: one idle rule costs ~10% page-load time in
// Chromium.
import { activeRules, checkQuota, compileRules, type RulesState, splitByScope } from '../core/rules';
import { browser } from '../shared/browser';
import { tabsByOrigin } from './tab-origins';
import { showOverrideState } from './toolbar';

export interface SyncResult {
  activeIds: string[];
  problems: string[];
}

type AddRules = Parameters<typeof browser.declarativeNetRequest.updateSessionRules>[0]['addRules'];

export async function syncDnr(state: RulesState, now = Date.now()): Promise<SyncResult> {
  const active = activeRules(state, now);
  const compiled = compileRules(active, { tabsByOrigin: active.length ? await tabsByOrigin() : {} });
  const quota = checkQuota(compiled.rules.length);
  if (quota) return { activeIds: [], problems: [quota, ...compiled.problems] }; // nothing half-applied
  const { session, dynamic } = splitByScope(active, compiled);
  const dnr = browser.declarativeNetRequest;
  const [installedSession, installedDynamic] = await Promise.all([
    dnr.getSessionRules(),
    dnr.getDynamicRules(),
  ]);
  // Each call replaces its whole set atomically; skip a set that is and stays empty (the common idle case).
  if (installedDynamic.length > 0 || dynamic.length > 0)
    await dnr.updateDynamicRules({
      removeRuleIds: installedDynamic.map((r) => r.id),
      addRules: dynamic as AddRules,
    });
  try {
    await dnr.updateSessionRules({
      removeRuleIds: installedSession.map((r) => r.id),
      addRules: session as AddRules,
    });
  } catch (error) {
    // Two sets, two calls: put the dynamic set back so that nothing stays half-applied, then report.
    if (installedDynamic.length > 0 || dynamic.length > 0)
      await dnr
        .updateDynamicRules({
          removeRuleIds: dynamic.map((r) => r.id),
          addRules: installedDynamic as AddRules,
        })
        .catch(() => undefined);
    throw error;
  }
  await showOverrideState(active.length);
  return { activeIds: active.map((r) => r.id), problems: compiled.problems };
}
