import type { Lifetime } from './types';

/** Durations of the timed lifetimes; 'session' and 'pinned' have none. */
export const LIFETIME_MS: Readonly<Record<Lifetime, number | null>> = {
  '15m': 15 * 60_000,
  '1h': 60 * 60_000,
  '8h': 8 * 60 * 60_000,
  session: null,
  pinned: null,
};

/** When a rule with this lifetime, started at `now`, stops applying; null if it never times out. */
export function expiresAtFor(lifetime: Lifetime, now: number): number | null {
  const ms = LIFETIME_MS[lifetime];
  return ms === null ? null : now + ms;
}
