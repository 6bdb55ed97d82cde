import { redactRecord } from '../core/exchange';
import type { LoggedExchange } from '../shared/panel-protocol';

export interface JsonExport {
  format: 'cors-lens-log';
  version: 1;
  creator: { name: 'CORS Lens'; version: string };
  entries: LoggedExchange[];
}

/**
 * The log as JSON, entries exactly as the panel holds them, each record redacted again (redactRecord): the
 * background already redacts, and an export must stay safe whatever produced the entries.
 */
export function toJsonExport(entries: LoggedExchange[], version: string): JsonExport {
  return {
    format: 'cors-lens-log',
    version: 1,
    creator: { name: 'CORS Lens', version },
    entries: entries.map((entry) => ({ ...entry, record: redactRecord(entry.record) })),
  };
}
