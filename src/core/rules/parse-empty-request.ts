import type { Parsed } from './types';

/** A message with no fields (`ping`, `rules/get`, `rules/export`): anything else it carries is ignored. */
export function parseEmptyRequest(): Parsed<Record<string, never>> {
  return { ok: true, value: {} };
}
