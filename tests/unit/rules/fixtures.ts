import type { OverrideRule, RulesState } from '../../../src/core/rules/types';

/** A fixed clock: 2026-01-01T00:00:00Z. */
export const NOW = Date.UTC(2026, 0, 1);
export const MIN = 60_000;
export const HOUR = 60 * MIN;

export function rule(overrides: Partial<OverrideRule> = {}): OverrideRule {
  return {
    id: 'r1',
    pageOrigin: 'http://localhost:5173',
    target: { origin: 'http://127.0.0.1:8081', pathPrefix: '/' },
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    requestHeaders: ['content-type'],
    credentials: false,
    exposeHeaders: [],
    lifetime: '1h',
    createdAt: NOW,
    expiresAt: NOW + HOUR,
    enabled: true,
    ...overrides,
  };
}

export function state(rules: OverrideRule[], overridesEnabled = true): RulesState {
  return { version: 2, rules, overridesEnabled };
}
