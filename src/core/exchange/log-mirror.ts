// How the tab logs are laid out in storage.session: one key per record, beside one for the log's meta, so that a
// write carries what changed since the last one instead of the whole log (up to 3 MiB for a busy tab, every few
// seconds). Pure: log-store.ts does the reading and writing.
import { TabLog, type TabLogDelta } from './tab-log';

const PREFIX = 'log:';

/** The key of a tab's meta (capacity, dropped count, last seq). */
export function logMetaKey(tabId: number): string {
  return `${PREFIX}${tabId}`;
}

/** The key of one of a tab's records. */
export function logRecordKey(tabId: number, recordId: string): string {
  return `${PREFIX}${tabId}:${recordId}`;
}

/** The storage write of a log's delta: keys to set, keys to remove (before the set, to free quota first). */
export function mirrorWrite(
  tabId: number,
  delta: TabLogDelta,
): { set: Record<string, unknown>; remove: string[] } {
  const set: Record<string, unknown> = { [logMetaKey(tabId)]: delta.meta };
  for (const { id, order, json } of delta.put) set[logRecordKey(tabId, id)] = { order, json };
  return { set, remove: delta.removed.map((id) => logRecordKey(tabId, id)) };
}

/** Every key of a tab's mirror in `stored` (all of storage.session). */
export function mirrorKeysOf(stored: Record<string, unknown>, tabId: number): string[] {
  const meta = logMetaKey(tabId);
  const recordPrefix = `${meta}:`;
  return Object.keys(stored).filter((key) => key === meta || key.startsWith(recordPrefix));
}

/** The mirrored logs in `stored`, by tab; one whose meta is unreadable is left out rather than breaking capture. */
export function restoreLogs(stored: Record<string, unknown>): Map<number, TabLog> {
  const placed = new Map<number, unknown[]>();
  const metas = new Map<number, unknown>();
  for (const [key, value] of Object.entries(stored)) {
    const parsed = parseKey(key);
    if (parsed === undefined) continue;
    if (parsed.recordId === undefined) metas.set(parsed.tabId, value);
    else {
      const list = placed.get(parsed.tabId) ?? [];
      list.push(value);
      placed.set(parsed.tabId, list);
    }
  }
  const logs = new Map<number, TabLog>();
  for (const [tabId, meta] of metas) {
    try {
      logs.set(tabId, TabLog.restore(meta, placed.get(tabId) ?? []));
    } catch {
      // an unreadable mirror is dropped: the next write replaces its meta
    }
  }
  return logs;
}

function parseKey(key: string): { tabId: number; recordId?: string } | undefined {
  if (!key.startsWith(PREFIX)) return undefined;
  const rest = key.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  const tab = colon === -1 ? rest : rest.slice(0, colon);
  if (!/^-?\d+$/.test(tab)) return undefined;
  const tabId = Number(tab);
  return colon === -1 ? { tabId } : { tabId, recordId: rest.slice(colon + 1) };
}
