// The per-rule option "Answer preflights for this target": off unless asked, validated wherever a rule is read,
// and compiled into the DNR rule that lets a redirected preflight reach the DevTools protocol's response stage.
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../src/core/rules/compile-rules';
import { exportRules } from '../../../src/core/rules/export-rules';
import { importRules } from '../../../src/core/rules/import-rules';
import { migrate } from '../../../src/core/rules/migrate';
import { parseAllowRequest } from '../../../src/core/rules/parse-allow-request';
import { parseRuleDraft } from '../../../src/core/rules/parse-rule-draft';
import { preflightAnswerFor } from '../../../src/core/rules/preflight-answer-for';
import { splitByScope } from '../../../src/core/rules/split-by-scope';
import { NOW, rule, state } from './fixtures';
import { matchingRules } from './simulate-dnr';

const rescuing = (overrides: Parameters<typeof rule>[0] = {}) =>
  rule({ answerPreflights: true, ...overrides });

describe('answerPreflights: stored only when on, off by default', () => {
  it('a rule stored before the option existed reads as off, with no problem reported', () => {
    const stored = state([rule()]);
    expect(migrate(structuredClone(stored))).toEqual({ state: stored, problems: [] });
    expect(migrate(stored).state.rules[0]).not.toHaveProperty('answerPreflights');
  });

  it('a stored rule keeps it on; false reads as off (absent)', () => {
    expect(migrate(state([rescuing()])).state.rules[0]?.answerPreflights).toBe(true);
    const off = migrate({ ...state([]), rules: [{ ...rule(), answerPreflights: false }] });
    expect(off).toEqual({ state: state([rule()]), problems: [] });
  });

  it('a stored value that is not true or false drops that rule only, saying why', () => {
    const { state: got, problems } = migrate({
      ...state([]),
      rules: [{ ...rule({ id: 'bad' }), answerPreflights: 'yes' }, rule({ id: 'ok' })],
    });
    expect(got.rules.map((r) => r.id)).toEqual(['ok']);
    expect(problems).toEqual([
      'Saved override 1 was unreadable and was dropped (answerPreflights: answerPreflights must be true or false.).',
    ]);
  });

  it('the editor draft turns it on and off', () => {
    const draft = { pageOrigin: 'http://localhost:5173', target: 'http://127.0.0.1:8081' };
    const on = parseRuleDraft({ ...draft, answerPreflights: true }, NOW, () => 'r1');
    expect(on.ok && on.rule.answerPreflights).toBe(true);
    const off = parseRuleDraft({ ...draft, answerPreflights: false }, NOW, () => 'r1');
    expect(off).toEqual({ ok: true, rule: rule() });
  });

  it('survives export and import', () => {
    const exported = exportRules(state([rescuing()]));
    const imported = importRules(exported, state([]), NOW, () => 'x');
    expect(imported.ok && imported.state.rules[0]?.answerPreflights).toBe(true);
  });

  it('the one-click allow may carry it; absent means "as the replaced rule had it"', () => {
    const base = { pageOrigin: 'http://localhost:5173', target: 'http://127.0.0.1:8081' };
    expect(parseAllowRequest({ ...base, answerPreflights: true })).toMatchObject({
      ok: true,
      value: { answerPreflights: true },
    });
    const plain = parseAllowRequest(base);
    expect(plain.ok && 'answerPreflights' in plain.value).toBe(false);
    expect(parseAllowRequest({ ...base, answerPreflights: 1 })).toEqual({
      ok: false,
      errors: [{ field: 'answerPreflights', message: 'answerPreflights must be true or false.' }],
    });
  });
});

describe('preflightAnswerFor: 204 with exactly the headers the DNR rule sets', () => {
  it('credentials, exposed headers and max-age included when the rule has them; removals are left out', () => {
    expect(
      preflightAnswerFor(
        rescuing({ credentials: true, requestHeaders: [], exposeHeaders: ['x-id'], maxAge: 60 }),
      ),
    ).toEqual({
      responseCode: 204,
      responseHeaders: [
        { name: 'access-control-allow-origin', value: 'http://localhost:5173' },
        { name: 'access-control-allow-methods', value: 'GET, HEAD, POST, PUT, PATCH, DELETE' },
        { name: 'access-control-allow-credentials', value: 'true' },
        { name: 'access-control-expose-headers', value: 'x-id' },
        { name: 'access-control-max-age', value: '60' },
      ],
    });
  });
});

describe('compileRules: the Location rule of a rule that answers preflights', () => {
  const preflight = {
    url: 'http://127.0.0.1:8081/api',
    initiatorHost: 'localhost',
    tabId: 3,
    type: 'xmlhttprequest' as const,
  };

  it('removes Location from OPTIONS responses under the same condition, after every other rule', () => {
    const out = compileRules([rescuing(), rule({ id: 'r2', pageOrigin: 'http://b.test' })], {
      tabsByOrigin: {},
      answerPreflights: true,
    });
    expect(out.rules).toHaveLength(3);
    expect(out.ruleIds).toEqual(['r1', 'r2', 'r1']);
    expect(out.rules[2]).toEqual({
      id: 3,
      priority: 3,
      action: { type: 'modifyHeaders', responseHeaders: [{ header: 'location', operation: 'remove' }] },
      condition: { ...out.rules[0]?.condition, requestMethods: ['options'] },
    });
  });

  it('only when the browser can answer preflights, and only for rules that ask', () => {
    expect(compileRules([rescuing()], { tabsByOrigin: {} }).rules).toHaveLength(1);
    expect(compileRules([rule()], { tabsByOrigin: {}, answerPreflights: true }).rules).toHaveLength(1);
  });

  it('matches the preflight, never the actual request (whose redirects must still be followed)', () => {
    const { rules } = compileRules([rescuing()], { tabsByOrigin: {}, answerPreflights: true });
    const location = (method: string) =>
      matchingRules(rules, { ...preflight, method }).filter((r) =>
        r.action.responseHeaders.some((h) => h.header === 'location'),
      );
    expect(location('options')).toHaveLength(1);
    expect(location('get')).toHaveLength(0);
    expect(location('put')).toHaveLength(0);
  });

  it('follows its rule into the dynamic set when pinned, and into tabIds when narrowed', () => {
    const pinned = rescuing({ lifetime: 'pinned', expiresAt: null });
    const split = splitByScope(
      [pinned],
      compileRules([pinned], { tabsByOrigin: {}, answerPreflights: true }),
    );
    expect(split).toMatchObject({ session: [], dynamic: [{ id: 1 }, { id: 2 }] });
    const narrowed = compileRules([rescuing(), rule({ id: 'r2', pageOrigin: 'http://localhost:3000' })], {
      tabsByOrigin: { 'http://localhost:5173': [7] },
      answerPreflights: true,
    });
    expect(narrowed.rules.at(-1)?.condition.tabIds).toEqual([7]);
  });
});
