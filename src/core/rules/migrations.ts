import { validateTarget } from './validate-target';

/** One step, from `from` to `from + 1`. Steps map rules one to one (never drop one) so errors keep their index. */
export interface Migration {
  from: number;
  migrate(data: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Applied in order, like refined-github's options-storage migrations. Add a step here (and bump RULES_VERSION)
 * whenever the stored shape changes; never edit a published step.
 */
export const migrations: readonly Migration[] = [
  // v1 stored the target as one URL string and had no global switch.
  step(1, (data) => ({
    ...data,
    overridesEnabled: data.overridesEnabled ?? true,
    rules: Array.isArray(data.rules) ? data.rules.map(splitTarget) : data.rules,
  })),
];

/** A step that stamps the version it upgrades to. */
function step(from: number, change: Migration['migrate']): Migration {
  return { from, migrate: (data) => ({ ...change(data), version: from + 1 }) };
}

function splitTarget(rule: unknown): unknown {
  if (typeof rule !== 'object' || rule === null) return rule;
  const { target } = rule as Record<string, unknown>;
  if (typeof target !== 'string') return rule;
  const parsed = validateTarget(target);
  // An unreadable target is left as it was: validation then reports it against this rule.
  return parsed.ok ? { ...rule, target: parsed.value } : rule;
}
