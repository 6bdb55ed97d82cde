import { type FailureKindId, isFailureKindId } from '../core/cors';
import type { Row } from './row-of';

export interface Filters {
  /** Blocked, and failed despite passing headers: the rows a developer is hunting. */
  blockedOnly: boolean;
  text: string;
  /** '' means every method. */
  method: string;
  /** '' means every type. */
  type: string;
  /** A failure kind, or '' for every row. */
  kind: FailureKindId | '';
}

export const NO_FILTERS: Filters = { blockedOnly: false, text: '', method: '', type: '', kind: '' };

/**
 * Blocked for the user: refused by CORS, failed by the browser although the headers pass, or blocked if the
 * request was credentialed (which CORS Lens could not see): each is a row a developer hunting a failure must see.
 */
export function isBlockedRow(row: Row): boolean {
  return row.verdict === 'blocked' || row.verdict === 'failed' || row.verdict === 'uncertain';
}

/** One pass, plain string checks: 10,000 rows filter well under a frame. */
export function filterRows(rows: Row[], filters: Filters): Row[] {
  const text = filters.text.trim().toLowerCase();
  const { blockedOnly, method, type } = filters;
  // A kind saved by another version of the panel may no longer exist: it filters nothing then.
  const kind = isFailureKindId(filters.kind) ? filters.kind : '';
  if (!text && !blockedOnly && !method && !type && !kind) return rows;
  const out: Row[] = [];
  for (const row of rows) {
    if (blockedOnly && !isBlockedRow(row)) continue;
    if (method && row.method.toUpperCase() !== method) continue;
    if (type && row.type !== type) continue;
    if (kind && row.kind?.id !== kind) continue;
    if (text && !row.search.includes(text)) continue;
    out.push(row);
  }
  return out;
}
