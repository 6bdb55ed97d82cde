/** One reading of the clocks: the wall clock, and the monotonic clock of one context (origin, performance.now()). */
export interface ClockReading {
  /** ms since epoch. */
  wall: number;
  /** performance.timeOrigin: which context's monotonic clock `mono` is. */
  origin: number;
  /** performance.now(). */
  mono: number;
}

/** A last reading this far ahead of the wall clock came from a clock that was wrong (say, a year ahead): ignored. */
const MAX_AHEAD_MS = 24 * 60 * 60_000;

/**
 * The time expiry is judged by: the wall clock, but never earlier than the last reading, which the monotonic clock
 * carries forward while the same context (service worker) lives. So a clock set back neither revives an expired
 * rule nor lengthens a running one while the worker lives (its exact timer is monotonic too); a clock set back
 * while the worker is stopped delays expiry by at most the jump, until the wall clock catches up. Returns the new
 * reading to keep, whose `wall` is that time.
 */
export function monotonicNow(current: ClockReading, last: ClockReading | undefined): ClockReading {
  if (last === undefined || last.wall - current.wall > MAX_AHEAD_MS) return current;
  const carried =
    last.origin === current.origin ? last.wall + Math.max(0, current.mono - last.mono) : last.wall;
  return { ...current, wall: Math.max(current.wall, carried) };
}
