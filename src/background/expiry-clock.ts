// The clock overrides expire by (monotonicNow): the wall clock, never going back. The last reading is kept in
// storage.local, so that a new service worker, or the browser after a restart, does not revive an expired rule
// when the wall clock was set back meanwhile.
import { type ClockReading, monotonicNow } from '../core/rules';
import { browser } from '../shared/browser';

const KEY = 'expiryClock';
let last: ClockReading | undefined;

export async function expiryNow(): Promise<number> {
  const current: ClockReading = { wall: Date.now(), origin: performance.timeOrigin, mono: performance.now() };
  try {
    last ??= readingOf((await browser.storage.local.get(KEY))[KEY]);
  } catch {
    // Storage unreadable: the wall clock and what this worker remembers still serve.
  }
  const reading = monotonicNow(current, last);
  last = reading;
  await browser.storage.local.set({ [KEY]: reading }).catch(() => undefined);
  return reading.wall;
}

function readingOf(value: unknown): ClockReading | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { wall, origin, mono } = value as Record<string, unknown>;
  return typeof wall === 'number' && typeof origin === 'number' && typeof mono === 'number'
    ? { wall, origin, mono }
    : undefined;
}
