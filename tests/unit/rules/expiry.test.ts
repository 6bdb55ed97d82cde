import { describe, expect, it } from 'vitest';
import { activeRules } from '../../../src/core/rules/active-rules';
import { expiresAtFor } from '../../../src/core/rules/expires-at-for';
import { extend } from '../../../src/core/rules/extend';
import { nextExpiry } from '../../../src/core/rules/next-expiry';
import { remainingLabel } from '../../../src/core/rules/remaining-label';
import { HOUR, MIN, NOW, rule, state } from './fixtures';

describe('expiresAtFor', () => {
  it.each([
    ['15m', NOW + 15 * MIN],
    ['1h', NOW + HOUR],
    ['8h', NOW + 8 * HOUR],
    ['session', null],
    ['pinned', null],
  ] as const)('%s', (lifetime, expected) => {
    expect(expiresAtFor(lifetime, NOW)).toBe(expected);
  });
});

describe('extend', () => {
  it('adds the lifetime again from now (not from the old expiry) and switches the rule on', () => {
    const expired = rule({ lifetime: '15m', expiresAt: NOW - MIN, enabled: false });
    expect(extend(expired, NOW)).toEqual({ ...expired, expiresAt: NOW + 15 * MIN, enabled: true });
    const running = rule({ expiresAt: NOW + 30 * MIN });
    expect(extend(running, NOW).expiresAt).toBe(NOW + HOUR);
  });

  it('leaves untimed rules untimed and does not mutate', () => {
    const pinned = rule({ lifetime: 'pinned', expiresAt: null });
    const copy = structuredClone(pinned);
    expect(extend(pinned, NOW).expiresAt).toBeNull();
    expect(pinned).toEqual(copy);
  });
});

describe('activeRules', () => {
  const rules = [
    rule({ id: 'running' }),
    rule({ id: 'off', enabled: false }),
    rule({ id: 'expired', expiresAt: NOW - 1 }),
    rule({ id: 'expires-now', expiresAt: NOW }),
    rule({ id: 'pinned', lifetime: 'pinned', expiresAt: null }),
    rule({ id: 'session', lifetime: 'session', expiresAt: null }),
  ];

  it('ends a timed rule whose expiry lies further ahead than its whole lifetime (the clock went back)', () => {
    const rules15 = [rule({ id: 'ahead', lifetime: '15m', expiresAt: NOW + 2 * HOUR }), rule({ id: 'fine' })];
    expect(activeRules(state(rules15), NOW).map((r) => r.id)).toEqual(['fine']);
  });

  it('keeps enabled, unexpired rules in storage order', () => {
    expect(activeRules(state(rules), NOW).map((r) => r.id)).toEqual(['running', 'pinned', 'session']);
  });

  it('is empty when the global switch is off', () => {
    expect(activeRules(state(rules, false), NOW)).toEqual([]);
  });
});

describe('nextExpiry', () => {
  it('is the earliest expiry among active rules', () => {
    const s = state([
      rule({ id: 'a', expiresAt: NOW + HOUR }),
      rule({ id: 'b', expiresAt: NOW + 10 * MIN }),
      rule({ id: 'c', expiresAt: NOW + 5 * MIN, enabled: false }), // off: no alarm needed for it
      rule({ id: 'd', expiresAt: NOW - MIN }), // already expired
      rule({ id: 'e', lifetime: 'pinned', expiresAt: null }),
    ]);
    expect(nextExpiry(s, NOW)).toBe(NOW + 10 * MIN);
  });

  it('is null with nothing timed, or with the global switch off', () => {
    expect(nextExpiry(state([rule({ lifetime: 'pinned', expiresAt: null })]), NOW)).toBeNull();
    expect(nextExpiry(state([rule()], false), NOW)).toBeNull();
  });
});

describe('remainingLabel', () => {
  it.each<[number, string]>([
    [-5, '0 s'],
    [0, '0 s'],
    [Number.NaN, '0 s'],
    [1, '1 s'], // never "0 s" while time is left
    [59_000, '59 s'],
    [59_001, '1 min'], // 60 s once rounded up: a minute
    [60_000, '1 min'],
    [15 * MIN - 1000, '14 min'],
    [15 * MIN, '15 min'],
    [HOUR - 1000, '59 min'],
    [HOUR, '1 h'],
    [7 * HOUR + 12 * MIN + 30_000, '7 h 12 min'],
    [8 * HOUR, '8 h'],
  ])('%d ms → %s', (ms, label) => {
    expect(remainingLabel(ms)).toBe(label);
  });
});
