import { validateExposeHeaderName } from '../rules/validate-expose-header-name';
import type { FixInput } from './types';

export interface ExposeHeadersEdit {
  /** The input with the valid names added (lower-case, without duplicates). */
  input: FixInput;
  /** One message per rejected name, saying what is wrong and what to type instead. */
  problems: string[];
  /** Accepted names that need no exposing (safelisted), explained. */
  notes: string[];
}

/**
 * Adds response header names the user says page script reads (comma- or space-separated) to the fix's
 * Access-Control-Expose-Headers; any bad name is reported and leaves the input as it was.
 */
export function withExposeHeaders(input: FixInput, text: string): ExposeHeadersEdit {
  const names = new Set(input.exposeHeaders.map((name) => name.toLowerCase()));
  const problems: string[] = [];
  const notes: string[] = [];
  const parts = text.split(/[\s,]+/).filter((part) => part !== '');
  if (parts.length === 0) parts.push('');
  for (const part of parts) {
    const result = validateExposeHeaderName(part);
    if (!result.ok) problems.push(result.message);
    else {
      names.add(result.value);
      if (result.note !== undefined) notes.push(result.note);
    }
  }
  // All or nothing: the user fixes the text and nothing half-applied has to be undone.
  if (problems.length > 0) return { input, problems, notes: [] };
  return { input: { ...input, exposeHeaders: [...names] }, problems, notes };
}
