import { describe, expect, it } from 'vitest';
import { defaults } from '../../../src/core/rules/defaults';
import { migrate } from '../../../src/core/rules/migrate';
import { migrations } from '../../../src/core/rules/migrations';
import { HOUR, NOW, rule, state } from './fixtures';

const fresh = { version: 2, rules: [], overridesEnabled: true };

describe('migrate: stored data → RulesState v2, never throwing', () => {
  it('nothing stored yet gives the defaults, silently', () => {
    expect(migrate(undefined)).toEqual({ state: fresh, problems: [] });
    expect(migrate(null)).toEqual({ state: fresh, problems: [] });
    expect(defaults).toEqual(fresh);
  });

  it('keeps a valid v2 state as it is', () => {
    const stored = state([rule(), rule({ id: 'r2', lifetime: 'pinned', expiresAt: null })], false);
    expect(migrate(structuredClone(stored))).toEqual({ state: stored, problems: [] });
  });

  it('upgrades v1 (target as one URL string, no global switch)', () => {
    const v1 = {
      version: 1,
      rules: [{ ...rule(), target: 'http://127.0.0.1:8081/api/' }],
    };
    expect(migrate(v1)).toEqual({
      state: state([rule({ target: { origin: 'http://127.0.0.1:8081', pathPrefix: '/api/' } })]),
      problems: [],
    });
  });

  it('v1 → v2 maps rules one to one, leaving an unreadable target for validation to report', () => {
    const step = migrations.find((m) => m.from === 1);
    const out = step?.migrate({ version: 1, rules: [{ target: 'http://x.test/a' }, { target: '*' }, 7] });
    expect(out).toEqual({
      version: 2,
      overridesEnabled: true,
      rules: [{ target: { origin: 'http://x.test', pathPrefix: '/a' } }, { target: '*' }, 7],
    });
  });

  it('drops only the unreadable rule, saying which and why', () => {
    const stored = {
      version: 2,
      overridesEnabled: true,
      rules: [rule(), { ...rule({ id: 'bad' }), pageOrigin: '*' }, rule({ id: 'r3' }), rule({ id: 'r3' })],
    };
    const { state: got, problems } = migrate(stored);
    expect(got.rules.map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(problems).toEqual([
      'Saved override 2 was unreadable and was dropped (pageOrigin: Use an exact origin such as http://localhost:5173 — wildcards are not allowed because an override must name one page.).',
      'Saved override 4 repeated the id of another one and was dropped.',
    ]);
  });

  it('never renews a stored expiry (an expired rule stays expired)', () => {
    const old = rule({ createdAt: NOW - 3 * HOUR, expiresAt: NOW - 2 * HOUR });
    expect(migrate(state([old])).state.rules[0]?.expiresAt).toBe(NOW - 2 * HOUR);
  });

  it.each<[string, unknown, string]>([
    ['a string', 'rules', 'Saved overrides were unreadable (not an object) and were reset.'],
    ['an array', [rule()], 'Saved overrides were unreadable (not an object) and were reset.'],
    [
      'no version',
      { rules: [] },
      'Saved overrides were unreadable: it has no valid version number. They were reset.',
    ],
    [
      'a future version',
      { version: 3, rules: [] },
      'Saved overrides were unreadable: it was written by a newer CORS Lens (format version 3; this one reads up to 2). They were reset.',
    ],
  ])('%s gives the defaults and a problem', (_, stored, problem) => {
    expect(migrate(stored)).toEqual({ state: fresh, problems: [problem] });
  });

  it.each<[string, unknown, string]>([
    [
      'a rule without id or times',
      { ...rule(), id: undefined, createdAt: 'x', expiresAt: undefined },
      'Saved override 1 was unreadable and was dropped (id: missing id; createdAt: missing creation time; expiresAt: a timed rule needs an expiry time).',
    ],
    [
      'a pinned rule with an expiry',
      rule({ lifetime: 'pinned', expiresAt: NOW }),
      'Saved override 1 was unreadable and was dropped (expiresAt: must be null for this lifetime).',
    ],
    ['not an object', 'r1', 'Saved override 1 was unreadable and was dropped (rule: not an object).'],
  ])('%s is dropped with its reason', (_, stored, problem) => {
    expect(migrate({ version: 2, overridesEnabled: true, rules: [stored] })).toEqual({
      state: fresh,
      problems: [problem],
    });
  });

  it('repairs the switch and the list separately', () => {
    expect(migrate({ version: 2, rules: 'x', overridesEnabled: 'yes' })).toEqual({
      state: fresh,
      problems: [
        'The saved on/off switch for overrides was unreadable; overrides are switched on.',
        'The saved list of override rules was unreadable and was reset.',
      ],
    });
  });

  it('survives a getter that throws', () => {
    const hostile = {
      version: 1,
      get rules(): never {
        throw new Error('boom');
      },
    };
    expect(migrate(hostile)).toEqual({
      state: fresh,
      problems: [
        'Saved overrides were unreadable: upgrading it from version 1 failed (Error: boom). They were reset.',
      ],
    });
  });
});
