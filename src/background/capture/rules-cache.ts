// The override rules as stored, kept while capturing: each exchange is judged under the rule that applied to it.
import { activeRules, type OverrideRule, type RulesState } from '../../core/rules';
import { browser } from '../../shared/browser';
import { loadRules } from '../rules-store';

let state: RulesState | undefined;

async function reload(): Promise<void> {
  state = (await loadRules()).state;
}

function onStorageChanged(changes: Record<string, unknown>): void {
  if ('rules' in changes || 'sessionRules' in changes) void reload();
}

export function currentRules(): OverrideRule[] {
  return state === undefined ? [] : activeRules(state, Date.now());
}

/** Follows the stored rules from now on; resolves once they are read. */
export async function followRules(): Promise<void> {
  if (!browser.storage.onChanged.hasListener(onStorageChanged))
    browser.storage.onChanged.addListener(onStorageChanged);
  await reload();
}

export function stopFollowingRules(): void {
  browser.storage.onChanged.removeListener(onStorageChanged);
  state = undefined;
}
