import { withDetail } from '../core/exchange';
import type { LoggedExchange } from '../shared/panel-protocol';
import type { PanelSource } from './panel-source';

/**
 * The log's entries with their header lists, for an export: the summaries are asked of the background in one
 * request. A row it no longer holds (or all of them, if it does not answer) stays a summary, marked
 * `headersOmitted`, which the exports carry: never an empty header list passed off as what was sent.
 */
export async function wholeEntries(
  source: PanelSource,
  entries: LoggedExchange[],
): Promise<LoggedExchange[]> {
  const ids = entries.filter((entry) => entry.headersOmitted).map((entry) => entry.record.id);
  if (ids.length === 0 || source.details === undefined) return entries;
  const held = new Map((await source.details(ids))?.map((entry) => [entry.record.id, entry]));
  return entries.map((entry) => {
    const whole = entry.headersOmitted ? held.get(entry.record.id) : undefined;
    return (whole && withDetail(entry, whole)) ?? entry;
  });
}
