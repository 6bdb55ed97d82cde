import { isCount } from './parse-panel-request';

/**
 * Whether a message from the background has the shape of a log update (snapshot, update or cleared), checked at
 * the panel before it touches the log: tab id, status, and each entry's record (id, seq, tab, request, outcome)
 * and verdict (allowed). Deeper fields were written by the background's own code and are trusted.
 */
export function isLogUpdate(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const msg = value as Record<string, unknown>;
  if (!isCount(msg.tabId) || !isStatus(msg.status)) return false;
  if (msg.type === 'cleared') return msg.reason === 'navigation' || msg.reason === 'user';
  return (
    (msg.type === 'snapshot' || msg.type === 'update') &&
    Array.isArray(msg.entries) &&
    msg.entries.every(isEntry)
  );
}

/** Whether a message from the background answers a panel's `details` request: its ask and whole entries. */
export function isDetailsAnswer(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const msg = value as Record<string, unknown>;
  return (
    msg.type === 'details' &&
    isCount(msg.tabId) &&
    isCount(msg.ask) &&
    Array.isArray(msg.entries) &&
    msg.entries.every(isEntry)
  );
}

function isStatus(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const status = value as Record<string, unknown>;
  return (
    typeof status.hostAccess === 'boolean' &&
    typeof status.preserveLog === 'boolean' &&
    isCount(status.dropped)
  );
}

function isEntry(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { record, verdict } = value as Record<string, unknown>;
  if (
    typeof verdict !== 'object' ||
    verdict === null ||
    typeof (verdict as { allowed?: unknown }).allowed !== 'boolean'
  )
    return false;
  if (typeof record !== 'object' || record === null) return false;
  const r = record as Record<string, unknown>;
  const request = r.request as Record<string, unknown> | null | undefined;
  return (
    typeof r.id === 'string' &&
    isCount(r.seq) &&
    typeof r.tabId === 'number' &&
    typeof r.pageOrigin === 'string' &&
    (r.outcome === 'pending' || r.outcome === 'completed' || r.outcome === 'failed') &&
    Array.isArray(r.hops) &&
    typeof request === 'object' &&
    request !== null &&
    typeof request.url === 'string' &&
    typeof request.method === 'string' &&
    Array.isArray(request.headers)
  );
}
