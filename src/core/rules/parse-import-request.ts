import { LIMITS } from './limits';
import type { Parsed } from './types';

/** The `rules/import` message: the file's text, refused before parsing when it is larger than LIMITS allow. */
export function parseImportRequest(raw: Record<string, unknown>): Parsed<{ json: string }> {
  const { json } = raw;
  if (typeof json !== 'string')
    return {
      ok: false,
      errors: [{ field: 'file', message: 'Choose a rules file exported from CORS Lens.' }],
    };
  if (json.length > LIMITS.importChars) {
    const mb = (size: number) => `${(size / 1_000_000).toFixed(1)} MB`;
    return {
      ok: false,
      errors: [
        {
          field: 'file',
          message: `This file is ${mb(json.length)}: CORS Lens imports rules files of up to ${mb(LIMITS.importChars)}.`,
        },
      ],
    };
  }
  return { ok: true, value: { json } };
}
