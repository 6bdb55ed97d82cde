import { RULES_VERSION } from './defaults';
import type { RulesState } from './types';

/** Marks a file as ours, so importing some other JSON fails with a clear message instead of odd field errors. */
export const RULES_FORMAT = 'cors-lens/override-rules';

/** Every rule as a JSON file: format marker, version, rules (the global switch is a preference, not exported). */
export function exportRules(state: RulesState): string {
  return `${JSON.stringify({ format: RULES_FORMAT, version: RULES_VERSION, rules: state.rules }, null, 2)}\n`;
}
