// Installs the DNR rules derived from the active override rules, all or nothing: pinned rules as dynamic rules
// (in force from the first request after a browser restart), the rest as session rules (split-by-scope.ts). When
// no override is active, no modifyHeaders rule is installed at all: one idle rule costs ~10% page-load time in
// Chromium.
import { activeRules, checkQuota, compileRules, type RulesState, splitByScope } from '../core/rules';
import { browser } from '../shared/browser';
import { hasDebuggerPermission } from './rescue/debugger-api';
import { tabsByOrigin } from './tab-origins';
import { showOverrideState } from './toolbar';

export interface SyncResult {
  activeIds: string[];
  problems: string[];
  /** An installed rule is narrowed to tabs: tab navigations must trigger a new sync (tab-follow.ts). */
  followsTabs: boolean;
}

type AddRules = Parameters<typeof browser.declarativeNetRequest.updateSessionRules>[0]['addRules'];

const idsOf = (rules: { id: number }[]) => rules.map((r) => r.id);

/**
 * storage.local: whether DNR may hold rules of ours — set before any is installed, cleared once a sync left both
 * sets empty. While it is false nothing asks DNR at all: in Firefox the first DNR call of an extension, even
 * getSessionRules(), makes the browser evaluate DNR in its parent process for every request until the extension
 * stops (ExtensionDNR.getRuleManager): with no rule installed, up to 0.2 s of parent CPU per 200-exchange bench load.
 */
const MAY_HOLD_KEY = 'dnrMayHoldRules';

/** The flag as this worker last read or wrote it (only this module writes it): one read per worker, no rewrites. */
let mayHold: boolean | undefined;

/** Unknown (an install older than the flag) means: it may, if any rule was ever stored. */
async function dnrMayHoldRules(state: RulesState): Promise<boolean> {
  if (mayHold === undefined) {
    const stored = (await browser.storage.local.get(MAY_HOLD_KEY))[MAY_HOLD_KEY];
    mayHold = typeof stored === 'boolean' ? stored : state.rules.length > 0;
  }
  return mayHold;
}

async function markDnrMayHoldRules(may: boolean): Promise<void> {
  if (mayHold === may) return;
  await browser.storage.local.set({ [MAY_HOLD_KEY]: may });
  mayHold = may;
}

/**
 * Replaces the installed DNR rules with the ones `state` calls for at `now`, or throws with the installed rules as
 * they were: a set over the browser's quota is refused before anything is touched, and when the session set is
 * refused after the dynamic set changed, the dynamic set is put back (an error says so if even that fails).
 */
export async function syncDnr(state: RulesState, now: number): Promise<SyncResult> {
  const active = activeRules(state, now);
  const compiled = compileRules(active, {
    tabsByOrigin: active.length ? await tabsByOrigin() : {},
    answerPreflights: active.some((rule) => rule.answerPreflights) && (await hasDebuggerPermission()),
  });
  const quota = checkQuota(compiled.rules.length);
  if (quota) throw new Error(quota);
  const { session, dynamic } = splitByScope(active, compiled);
  const result = {
    activeIds: active.map((r) => r.id),
    problems: compiled.problems,
    followsTabs: compiled.followsTabs,
  };
  const installing = session.length + dynamic.length > 0;
  if (!installing && !(await dnrMayHoldRules(state))) {
    await showOverrideState(active.length).catch((e: unknown) =>
      console.warn('CORS Lens: toolbar not updated', e),
    );
    return result;
  }
  // Before the rules go in: a worker stopped right after installing must still know to look.
  if (installing) await markDnrMayHoldRules(true);
  const dnr = browser.declarativeNetRequest;
  const [installedSession, installedDynamic] = await Promise.all([
    dnr.getSessionRules(),
    dnr.getDynamicRules(),
  ]);
  // Each call replaces its whole set atomically; skip a set that is and stays empty (the common idle case).
  const touchDynamic = installedDynamic.length > 0 || dynamic.length > 0;
  if (touchDynamic)
    await dnr.updateDynamicRules({ removeRuleIds: idsOf(installedDynamic), addRules: dynamic as AddRules });
  try {
    if (installedSession.length > 0 || session.length > 0)
      await dnr.updateSessionRules({ removeRuleIds: idsOf(installedSession), addRules: session as AddRules });
  } catch (error) {
    if (touchDynamic)
      await dnr
        .updateDynamicRules({ removeRuleIds: idsOf(dynamic), addRules: installedDynamic as AddRules })
        .catch((restoreError: unknown) => {
          throw new AggregateError([error, restoreError], 'the dynamic rules could not be put back either');
        });
    throw error;
  }
  if (!installing) await markDnrMayHoldRules(false);
  await showOverrideState(active.length).catch((e: unknown) =>
    console.warn('CORS Lens: toolbar not updated', e),
  );
  return result;
}

/**
 * Removes every DNR rule of this extension, session and dynamic (all of them are CORS Lens overrides): the safe
 * state when the rules cannot be applied normally, e.g. an expired rule whose removal failed.
 */
export async function removeAllDnrRules(): Promise<void> {
  const dnr = browser.declarativeNetRequest;
  const [session, dynamic] = await Promise.all([dnr.getSessionRules(), dnr.getDynamicRules()]);
  const results = await Promise.allSettled([
    session.length > 0 ? dnr.updateSessionRules({ removeRuleIds: idsOf(session) }) : undefined,
    dynamic.length > 0 ? dnr.updateDynamicRules({ removeRuleIds: idsOf(dynamic) }) : undefined,
  ]);
  await showOverrideState(0).catch((e: unknown) => console.warn('CORS Lens: toolbar not updated', e));
  for (const result of results) if (result.status === 'rejected') throw result.reason;
  await markDnrMayHoldRules(false);
}
