import type { RulesState } from './types';

export const RULES_VERSION = 2;

/** A fresh install: no rules, overrides switched on (nothing applies until a rule is added). */
export const defaults: Readonly<RulesState> = Object.freeze({
  version: 2,
  rules: [],
  overridesEnabled: true,
});
