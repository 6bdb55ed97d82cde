import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../src/core/rules/compile-rules';
import { splitByScope } from '../../../src/core/rules/split-by-scope';
import { rule } from './fixtures';

const scopes = (rules: ReturnType<typeof rule>[], tabsByOrigin: Record<string, number[]> = {}) => {
  const split = splitByScope(rules, compileRules(rules, { tabsByOrigin }));
  const originOf = (r: { action: { responseHeaders: { header: string; value?: string }[] } }) =>
    r.action.responseHeaders.find((h) => h.header === 'access-control-allow-origin')?.value;
  return { session: split.session.map(originOf), dynamic: split.dynamic.map(originOf) };
};

describe('splitByScope', () => {
  it('puts pinned rules in the dynamic set and every other lifetime in the session set', () => {
    const rules = [
      rule({ id: 'a', pageOrigin: 'http://a.test', lifetime: 'pinned', expiresAt: null }),
      rule({ id: 'b', pageOrigin: 'http://b.test', lifetime: 'session', expiresAt: null }),
      rule({ id: 'c', pageOrigin: 'http://c.test', lifetime: '15m' }),
      rule({ id: 'd', pageOrigin: 'http://d.test', lifetime: '8h' }),
    ];
    expect(scopes(rules)).toEqual({
      session: ['http://b.test', 'http://c.test', 'http://d.test'],
      dynamic: ['http://a.test'],
    });
  });

  it('keeps a pinned rule narrowed by tabIds (two dev servers, one host) in the session set', () => {
    const rules = [
      rule({ id: 'a', pageOrigin: 'http://localhost:3000', lifetime: 'pinned', expiresAt: null }),
      rule({ id: 'b', pageOrigin: 'http://localhost:5173', lifetime: 'pinned', expiresAt: null }),
    ];
    expect(scopes(rules, { 'http://localhost:3000': [1], 'http://localhost:5173': [2] })).toEqual({
      session: ['http://localhost:3000', 'http://localhost:5173'],
      dynamic: [],
    });
  });

  it('loses and duplicates nothing: the two sets together are the compiled rules', () => {
    const rules = [
      rule({ id: 'a', pageOrigin: 'http://a.test', lifetime: 'pinned', expiresAt: null }),
      rule({ id: 'b', pageOrigin: 'http://b.test' }),
    ];
    const compiled = compileRules(rules, { tabsByOrigin: {} });
    const split = splitByScope(rules, compiled);
    expect([...split.session, ...split.dynamic].map((r) => r.id).sort()).toEqual(
      compiled.rules.map((r) => r.id).sort(),
    );
  });
});
