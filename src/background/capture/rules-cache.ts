// The override rules as stored, kept while capturing: each exchange is judged under the rule that applied to it.
import { activeRules, type OverrideRule, type RulesState } from '../../core/rules';
import { followSavedRules, loadRules } from '../rules-store';

let state: RulesState | undefined;
let unfollow: (() => void) | undefined;

async function reload(): Promise<void> {
  state = (await loadRules()).state;
}

export function currentRules(): OverrideRule[] {
  return state === undefined ? [] : activeRules(state, Date.now());
}

/** Follows the stored rules from now on; resolves once they are read. */
export async function followRules(): Promise<void> {
  unfollow ??= followSavedRules(() => void reload());
  await reload();
}

export function stopFollowingRules(): void {
  unfollow?.();
  unfollow = undefined;
  state = undefined;
}
