// Where override rules live. The model is the truth; DNR rules are derived from it (dnr-sync.ts).
// 'session' lifetime rules go to storage.session so that a browser restart forgets them; every other rule
// (timed and pinned) goes to storage.local with the global switch.
import { migrate, type RulesState } from '../core/rules';
import { browser } from '../shared/browser';

const LOCAL_KEY = 'rules';
const SESSION_KEY = 'sessionRules';

const savedListeners = new Set<() => void>();

/**
 * Runs `listener` after each save, and when the stored rules change from elsewhere (storage.local.onChanged: a
 * rule's stored form edited by hand, as tests do). Not storage.onChanged: that event hands this context every write
 * to storage.session, and the log mirror writes there — about 1 MB of old and new values per load of a busy page,
 * measured in Chromium — for two keys it cares about. Returns the function that stops it.
 */
export function followSavedRules(listener: () => void): () => void {
  savedListeners.add(listener);
  return () => savedListeners.delete(listener);
}

/** Registered at top level (index.ts): the rules' own area changed, by a save or from outside. */
export function onLocalStorageChanged(changes: Record<string, unknown>): void {
  if (LOCAL_KEY in changes) for (const listener of savedListeners) listener();
}

export async function loadRules(): Promise<{ state: RulesState; problems: string[] }> {
  const [local, session] = await Promise.all([
    browser.storage.local.get(LOCAL_KEY),
    browser.storage.session.get(SESSION_KEY),
  ]);
  const migrated = migrate(local[LOCAL_KEY]);
  const sessionRules = migrate(session[SESSION_KEY]);
  const state: RulesState = {
    ...migrated.state,
    rules: [...migrated.state.rules, ...sessionRules.state.rules],
  };
  return { state, problems: [...migrated.problems, ...sessionRules.problems] };
}

/**
 * Saves the rules, all or nothing across the two areas: each `set` is atomic by itself, so when the second is
 * refused (quota, say) the first is put back as it was, and the caller reports that nothing was saved.
 */
export async function saveRules(state: RulesState): Promise<void> {
  const sessionRules = state.rules.filter((r) => r.lifetime === 'session');
  const lasting = state.rules.filter((r) => r.lifetime !== 'session');
  const before = await browser.storage.local.get(LOCAL_KEY);
  await browser.storage.local.set({ [LOCAL_KEY]: { ...state, rules: lasting } });
  try {
    await browser.storage.session.set({ [SESSION_KEY]: { ...state, rules: sessionRules } });
  } catch (error) {
    await (LOCAL_KEY in before
      ? browser.storage.local.set({ [LOCAL_KEY]: before[LOCAL_KEY] })
      : browser.storage.local.remove(LOCAL_KEY));
    throw error;
  } finally {
    // After both areas are written: the local area's own event may come before the session write.
    for (const listener of savedListeners) listener();
  }
}
