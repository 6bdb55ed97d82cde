import { type CheckedDraft, checkRuleDraft } from './check-rule-draft';
import type { Parsed } from './types';

/** The `rules/save` message: the editor's draft, every field checked (checkRuleDraft). */
export function parseSaveRequest(raw: Record<string, unknown>): Parsed<{ draft: CheckedDraft }> {
  const checked = checkRuleDraft(raw.draft);
  return checked.ok ? { ok: true, value: { draft: checked.value } } : checked;
}
