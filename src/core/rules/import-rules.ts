import { applyMigrations } from './apply-migrations';
import { RULES_FORMAT } from './export-rules';
import { parseRuleDraft } from './parse-rule-draft';
import type { OverrideRule, RulesState } from './types';

/** A problem with one imported rule: `index` is 0-based (-1: the file as a whole); `field` is '' for the whole rule. */
export interface ImportError {
  index: number;
  field: string;
  message: string;
}

export type ImportResult =
  | { ok: true; state: RulesState; added: number; replaced: number }
  | { ok: false; errors: ImportError[] };

/**
 * Merges an exported file into `existing`, all or nothing: any invalid entry rejects the whole file, naming it.
 * An entry replaces the existing rule with its id, or else the one for the same page origin and target (one rule
 * per pair, as "allow" keeps it). Timed rules restart their lifetime at `now`: importing is asking for them now.
 */
export function importRules(
  json: string,
  existing: RulesState,
  now: number = Date.now(),
  newId: () => string = () => crypto.randomUUID(),
): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return fileError(`This is not a JSON file (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    Array.isArray(data) ||
    (data as { format?: unknown }).format !== RULES_FORMAT
  ) {
    return fileError('This is not a CORS Lens rules file: export one from CORS Lens and import that.');
  }
  const upgraded = applyMigrations(data as Record<string, unknown>);
  if (!upgraded.ok) return fileError(`This rules file cannot be read: ${upgraded.problem}.`);
  const entries = upgraded.data.rules;
  if (!Array.isArray(entries)) return fileError('This rules file has no list of rules.');

  const errors: ImportError[] = [];
  const incoming: OverrideRule[] = [];
  entries.forEach((entry: unknown, index) => {
    const parsed = parseRuleDraft(entry, now, newId);
    if (!parsed.ok) {
      for (const e of parsed.errors) errors.push({ index, ...e });
      return;
    }
    const { rule } = parsed;
    const twin = incoming.findIndex((r) => r.id === rule.id || samePair(r, rule));
    if (twin !== -1) {
      errors.push({
        index,
        field: incoming[twin]?.id === rule.id ? 'id' : 'target',
        message: `rule ${twin + 1} already ${incoming[twin]?.id === rule.id ? 'has this id' : 'overrides this page origin and target'}; keep one of them.`,
      });
      return;
    }
    incoming.push(rule);
  });
  if (errors.length > 0) return { ok: false, errors };

  const rules = [...existing.rules];
  let replaced = 0;
  for (const rule of incoming) {
    const at = rules.findIndex((r) => r.id === rule.id);
    const same = at !== -1 ? at : rules.findIndex((r) => samePair(r, rule));
    if (same === -1) {
      rules.push(rule);
    } else {
      rules[same] = rule;
      replaced += 1;
    }
  }
  return { ok: true, state: { ...existing, rules }, added: incoming.length - replaced, replaced };
}

function samePair(a: OverrideRule, b: OverrideRule): boolean {
  return (
    a.pageOrigin === b.pageOrigin &&
    a.target.origin === b.target.origin &&
    a.target.pathPrefix === b.target.pathPrefix
  );
}

function fileError(message: string): ImportResult {
  return { ok: false, errors: [{ index: -1, field: '', message }] };
}
