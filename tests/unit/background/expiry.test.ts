// An override must never outlive its expiry: not when a DNR update fails at the alarm, not when the clock is set
// back. The background runs against a fake browser whose DNR calls a test can make fail.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Background, startBackground } from './start-background';
import { allowOverride } from './web-request-script';

vi.mock('../../../src/shared/browser', async () => (await import('./start-background')).mockBrowser());

const T0 = Date.UTC(2026, 0, 1, 9);
const MIN = 60_000;
const PAGE = 'http://localhost:5173';
const API = 'http://127.0.0.1:8081';

let bg: Background;
beforeEach(async () => {
  vi.useFakeTimers({
    toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
  });
  vi.setSystemTime(T0);
  bg = await startBackground();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function allow(lifetime: string): Promise<void> {
  await allowOverride(bg, lifetime);
  expect(bg.fake.installed()).toHaveLength(1);
}

/** Moves the wall clock (and the fake timers) to `at`, then fires what is due, as the browser would. */
async function clockAt(at: number): Promise<void> {
  if (at > Date.now()) await vi.advanceTimersByTimeAsync(at - Date.now());
  else vi.setSystemTime(at);
  bg.fake.fireDueAlarms();
  await bg.settle();
}

describe('expiry survives a failing DNR update', () => {
  it('a failed sync at the expiry alarm still removes the expired rule and leaves an alarm armed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await allow('15m');
    bg.fake.failures.push('updateSessionRules'); // the alarm's normal update fails once
    await clockAt(T0 + 16 * MIN);
    expect(bg.fake.installed()).toEqual([]); // every CORS Lens rule removed instead
    expect([...bg.fake.alarmsByName.keys()].length).toBeGreaterThan(0); // a retry is armed
  });

  it('the alarm handler reports a failure instead of dropping it, and the retry removes the rule', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await allow('15m');
    bg.fake.failures.push('updateSessionRules', 'updateSessionRules'); // the update, then the removal, fail
    await clockAt(T0 + 16 * MIN);
    expect(logged).toHaveBeenCalled();
    await clockAt(T0 + 18 * MIN);
    expect(bg.fake.installed()).toEqual([]);
  });

  it('when storage cannot be read at the alarm, every CORS Lens rule is removed and a retry armed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await allow('15m');
    bg.fake.failures.push('storage.local.get');
    await clockAt(T0 + 16 * MIN);
    expect(bg.fake.installed()).toEqual([]);
    expect(bg.fake.alarmsByName.size).toBeGreaterThan(0);
  });

  it('the retry re-applies the rules still in force once the browser accepts updates again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await allow('pinned');
    await allow('15m'); // same pair: replaces the pinned one
    await bg.send({
      type: 'rules/allow',
      pageOrigin: PAGE,
      target: 'http://127.0.0.1:9000',
      lifetime: 'pinned',
    });
    expect(bg.fake.installed()).toHaveLength(2);
    bg.fake.failures.push('updateSessionRules');
    await clockAt(T0 + 16 * MIN);
    expect(bg.fake.installed()).toEqual([]);
    await clockAt(T0 + 20 * MIN); // the retry alarm
    expect(bg.fake.installed()).toHaveLength(1);
    expect(bg.fake.installed()[0]?.condition.urlFilter).toBe('|http://127.0.0.1:9000/');
  });
});

describe('expiry does not follow the wall clock alone', () => {
  it('a clock set back after expiry does not revive the expired rule, not even in a new service worker', async () => {
    await allow('15m');
    await clockAt(T0 + 16 * MIN);
    expect(bg.fake.installed()).toEqual([]);
    await clockAt(T0 + 10 * MIN); // the clock goes back six minutes
    await bg.send({ type: 'rules/get' });
    expect(bg.fake.installed()).toEqual([]);
    bg = await startBackground(bg.fake); // the worker was stopped meanwhile: nothing in memory
    await bg.send({ type: 'rules/get' });
    expect(bg.fake.installed()).toEqual([]);
  });

  it('while the service worker lives, a clock set back does not lengthen a rule: it ends at its real expiry', async () => {
    await allow('15m');
    await vi.advanceTimersByTimeAsync(5 * MIN);
    vi.setSystemTime(Date.now() - 60 * MIN); // the wall clock jumps an hour back
    await vi.advanceTimersByTimeAsync(11 * MIN); // 16 minutes after the rule was made
    await bg.settle();
    expect(bg.fake.installed()).toEqual([]);
  });
});

describe('DNR sync is all or nothing', () => {
  it('a sync refused for the quota leaves no stale rule installed behind a view that says none is active', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await allow('15m');
    // Storage now holds more rules than the browser can install (written by another version, say).
    const many = Array.from({ length: 5001 }, (_, i) => ({
      id: `bulk-${i}`,
      pageOrigin: PAGE,
      target: { origin: API, pathPrefix: `/bulk${i}/` },
      methods: ['GET'],
      requestHeaders: [],
      credentials: false,
      exposeHeaders: [],
      lifetime: 'pinned',
      createdAt: T0,
      expiresAt: null,
      enabled: true,
    }));
    bg.fake.storage.local.data.rules = { version: 2, overridesEnabled: true, rules: many };
    const answer = (await bg.send({ type: 'rules/get' })) as {
      view?: { activeIds: string[] };
      activeIds?: string[];
    };
    const activeIds = answer.view?.activeIds ?? answer.activeIds ?? [];
    expect(activeIds.length === 0 ? bg.fake.installed() : 'installed').toEqual([]);
  });
});

describe('a change is all or nothing across DNR and storage', () => {
  it('a change the browser refuses to install is not saved, and the overrides in force stay', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await allow('pinned');
    const before = bg.fake.installed();
    bg.fake.failures.push('updateDynamicRules');
    const answer = (await bg.send({
      type: 'rules/allow',
      pageOrigin: PAGE,
      target: 'http://127.0.0.1:9000',
      lifetime: 'pinned',
    })) as { ok: boolean; errors?: { message: string }[]; view: { rules: unknown[]; activeIds: string[] } };
    expect(answer.ok).toBe(false);
    expect(answer.errors?.[0]?.message).toMatch(/nothing was changed/i);
    expect(answer.view.rules).toHaveLength(1);
    expect(answer.view.activeIds).toHaveLength(1);
    expect(bg.fake.installed()).toEqual(before);
    expect((bg.fake.storage.local.data.rules as { rules: unknown[] }).rules).toHaveLength(1);
  });
});
