import { effect, type Signal, signal } from '@preact/signals';

/**
 * A signal saved to localStorage under `key`. Stored fields of the wrong type are dropped (an older panel may
 * have written them), and a missing, corrupt or blocked store falls back to `fallback`.
 */
export function persistedSignal<T extends object>(key: string, fallback: T): Signal<T> {
  const state = signal<T>(read(key, fallback));
  effect(() => {
    const value = state.value;
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage can be disabled (private windows, quotas): the panel still works, it just forgets.
    }
  });
  return state;
}

function read<T extends object>(key: string, fallback: T): T {
  const result: T = { ...fallback };
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw === null ? null : JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return result;
    for (const name of Object.keys(fallback) as (keyof T)[]) {
      const stored = (parsed as Partial<T>)[name];
      if (typeof stored === typeof fallback[name]) result[name] = stored as T[keyof T];
    }
  } catch {
    // Corrupt JSON: start from the defaults.
  }
  return result;
}
