import { applyMigrations } from './apply-migrations';
import { defaults, RULES_VERSION } from './defaults';
import { formatCount } from './format-count';
import { LIMITS } from './limits';
import { parseStoredRule } from './parse-stored-rule';
import type { OverrideRule, RulesState } from './types';

/**
 * Reads whatever storage holds into the current RulesState. Never throws: nothing stored gives the defaults
 * silently; unreadable data gives the defaults plus a problem; an unreadable rule is dropped with a problem
 * and the others are kept. Problems are for the user (the popup shows them), so they say what was lost.
 */
export function migrate(stored: unknown): { state: RulesState; problems: string[] } {
  if (stored === undefined || stored === null) return { state: fresh(), problems: [] };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { state: fresh(), problems: [`Saved overrides were unreadable (not an object) and were reset.`] };
  }
  const upgraded = applyMigrations(stored as Record<string, unknown>);
  if (!upgraded.ok)
    return {
      state: fresh(),
      problems: [`Saved overrides were unreadable: ${upgraded.problem}. They were reset.`],
    };

  const { data } = upgraded;
  const problems: string[] = [];
  let overridesEnabled = true;
  if (typeof data.overridesEnabled === 'boolean') overridesEnabled = data.overridesEnabled;
  else problems.push('The saved on/off switch for overrides was unreadable; overrides are switched on.');

  const rules: OverrideRule[] = [];
  const ids = new Set<string>();
  if (!Array.isArray(data.rules)) {
    problems.push('The saved list of override rules was unreadable and was reset.');
  } else {
    data.rules.forEach((value: unknown, index) => {
      const parsed = parseStoredRule(value);
      if (!parsed.ok) {
        const detail = parsed.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
        problems.push(`Saved override ${index + 1} was unreadable and was dropped (${detail}).`);
      } else if (ids.has(parsed.rule.id)) {
        problems.push(`Saved override ${index + 1} repeated the id of another one and was dropped.`);
      } else {
        ids.add(parsed.rule.id);
        rules.push(parsed.rule);
      }
    });
  }
  // A long list of problems helps nobody: the first ones, then how many more.
  const shown =
    problems.length <= LIMITS.errors
      ? problems
      : [
          ...problems.slice(0, LIMITS.errors),
          `… and ${formatCount(problems.length - LIMITS.errors)} more problems with saved overrides.`,
        ];
  return { state: { version: RULES_VERSION, rules, overridesEnabled }, problems: shown };
}

function fresh(): RulesState {
  return { ...defaults, rules: [] };
}
