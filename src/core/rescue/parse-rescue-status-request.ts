import type { Parsed } from '../rules';
import { tabIdField } from '../rules/message-fields';

/** `rescue/status`: the tab a panel inspects. */
export function parseRescueStatusRequest(raw: Record<string, unknown>): Parsed<{ tabId: number }> {
  const errors: { field: string; message: string }[] = [];
  const tabId = tabIdField(raw, errors);
  return tabId === undefined ? { ok: false, errors } : { ok: true, value: { tabId } };
}
