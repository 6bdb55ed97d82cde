import type { RulesState } from './types';

/** The stored and exported rules format; bump it with a new step in migrations.ts. */
export const RULES_VERSION = 2;

/** A fresh install: no rules, overrides switched on (nothing applies until a rule is added). */
export const defaults: Readonly<RulesState> = Object.freeze({
  version: RULES_VERSION,
  rules: [],
  overridesEnabled: true,
});
