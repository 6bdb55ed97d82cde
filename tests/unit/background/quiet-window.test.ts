// The one timer behind the intake's batches and the log mirror's writes: due after a quiet moment, at the latest
// some time after the first touch, and cancelled by work done another way.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { quietWindow } from '../../../src/background/capture/quiet-window';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

it('runs once the touches stop for the quiet time', () => {
  const run = vi.fn();
  const window = quietWindow(20, 100, run);
  window.touch();
  vi.advanceTimersByTime(15);
  window.touch();
  vi.advanceTimersByTime(15);
  expect(run).not.toHaveBeenCalled(); // 15 ms after the last touch
  vi.advanceTimersByTime(5);
  expect(run).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(1_000);
  expect(run).toHaveBeenCalledTimes(1); // nothing touched since
});

it('runs at the latest time after the first touch when the touches never stop', () => {
  const run = vi.fn();
  const window = quietWindow(20, 100, run);
  const ranAt: number[] = [];
  run.mockImplementation(() => ranAt.push(Date.now()));
  const start = Date.now();
  for (let t = 0; t < 300; t += 10) {
    window.touch();
    vi.advanceTimersByTime(10);
  }
  expect(ranAt.map((at) => at - start)).toEqual([100, 200, 300]);
});

it('does not run after a cancel until touched again', () => {
  const run = vi.fn();
  const window = quietWindow(20, 100, run);
  window.touch();
  window.cancel();
  vi.advanceTimersByTime(200);
  expect(run).not.toHaveBeenCalled();
  window.touch();
  vi.advanceTimersByTime(20);
  expect(run).toHaveBeenCalledTimes(1);
});
