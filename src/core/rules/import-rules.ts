import { applyMigrations } from './apply-migrations';
import { RULES_FORMAT } from './export-rules';
import { formatCount } from './format-count';
import { LIMITS, overLimit } from './limits';
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
 * Merges an exported file into `existing`, all or nothing: any invalid entry rejects the whole file, naming it (the
 * first LIMITS.errors problems, then how many more). An entry replaces only the existing rule for the same page
 * origin and target (one rule per pair, as "allow" keeps it), which keeps its id; an entry whose id belongs to a
 * rule for another pair is added with a new id, never replacing that rule. Timed rules restart their lifetime at
 * `now`: importing is asking for them now. At most LIMITS.rules rules, in the file and after the merge.
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
  if (entries.length > LIMITS.rules)
    return fileError(`CORS Lens keeps ${overLimit(LIMITS.rules, 'rules', entries.length)}: split the file.`);

  const errors = new BoundedErrors();
  const incoming: OverrideRule[] = [];
  const indexById = new Map<string, number>();
  const indexByPair = new Map<string, number>();
  entries.forEach((entry: unknown, index) => {
    const parsed = parseRuleDraft(entry, now, newId);
    if (!parsed.ok) {
      for (const e of parsed.errors) errors.add({ index, ...e });
      return;
    }
    const { rule } = parsed;
    const sameId = indexById.get(rule.id);
    const twin = sameId ?? indexByPair.get(pairOf(rule));
    if (twin !== undefined) {
      errors.add({
        index,
        field: sameId !== undefined ? 'id' : 'target',
        message: `rule ${twin + 1} already ${sameId !== undefined ? 'has this id' : 'overrides this page origin and target'}; keep one of them.`,
      });
      return;
    }
    indexById.set(rule.id, incoming.length);
    indexByPair.set(pairOf(rule), incoming.length);
    incoming.push(rule);
  });
  if (errors.size > 0) return { ok: false, errors: errors.list() };

  const rules = [...existing.rules];
  const atByPair = new Map(rules.map((rule, at) => [pairOf(rule), at]));
  const ids = new Set(rules.map((rule) => rule.id));
  let replaced = 0;
  for (const rule of incoming) {
    const at = atByPair.get(pairOf(rule));
    if (at !== undefined) {
      rules[at] = { ...rule, id: (rules[at] as OverrideRule).id };
      replaced += 1;
      continue;
    }
    const added = ids.has(rule.id) ? { ...rule, id: newId() } : rule;
    ids.add(added.id);
    atByPair.set(pairOf(added), rules.length);
    rules.push(added);
  }
  if (rules.length > LIMITS.rules)
    return fileError(
      `With this file CORS Lens would keep ${formatCount(rules.length)} rules, and it keeps at most ${formatCount(LIMITS.rules)}: remove some rules first.`,
    );
  return { ok: true, state: { ...existing, rules }, added: incoming.length - replaced, replaced };
}

function pairOf(rule: OverrideRule): string {
  return `${rule.pageOrigin} ${rule.target.origin}${rule.target.pathPrefix}`;
}

/** The first LIMITS.errors problems, then one line counting the rest: a file of broken entries stays readable. */
class BoundedErrors {
  #kept: ImportError[] = [];
  #more = 0;
  get size(): number {
    return this.#kept.length + this.#more;
  }
  add(error: ImportError): void {
    if (this.#kept.length < LIMITS.errors) this.#kept.push(error);
    else this.#more += 1;
  }
  list(): ImportError[] {
    if (this.#more === 0) return this.#kept;
    return [
      ...this.#kept,
      {
        index: -1,
        field: '',
        message: `… and ${formatCount(this.#more)} more problems. Nothing was imported.`,
      },
    ];
  }
}

function fileError(message: string): ImportResult {
  return { ok: false, errors: [{ index: -1, field: '', message }] };
}
