import { useEffect, useState } from 'preact/hooks';
import { withDetail } from '../core/exchange';
import type { LoggedExchange } from '../shared/panel-protocol';
import type { PanelSource } from './panel-source';

/** The selected row with its header lists, as far as the background could give them. */
export type WholeEntry =
  | { state: 'ready'; entry: LoggedExchange }
  /** Asked; `previous` is the row's last whole state, shown meanwhile so that a row that just changed does not flash. */
  | { state: 'loading'; previous?: LoggedExchange }
  /** The background's log no longer holds the row (its caps dropped it), or this source keeps no details. */
  | { state: 'gone' }
  /** The background did not answer in time (it restarted and never came back, say). */
  | { state: 'unanswered'; retry(): void };

/**
 * The whole entry of a row the log holds as a summary (`headersOmitted`), asked of the background when the row is
 * shown and again when it changes; a whole row is returned as it is. The caller keys its component by row id.
 */
export function useWholeEntry(source: PanelSource, entry: LoggedExchange): WholeEntry {
  const [attempt, setAttempt] = useState(0);
  const key = `${entry.record.seq} ${attempt}`;
  const [answer, setAnswer] = useState<{ key: string; entries: LoggedExchange[] | undefined }>();
  const held = answer?.entries?.find((e) => e.record.id === entry.record.id);
  const whole = entry.headersOmitted ? held && withDetail(entry, held) : entry;
  const ask = whole === undefined && source.details !== undefined;

  useEffect(() => {
    if (!ask || source.details === undefined) return;
    let live = true;
    void source.details([entry.record.id]).then((entries) => {
      if (live) setAnswer({ key, entries });
    });
    return () => {
      live = false;
    };
  }, [ask, key, source, entry.record.id]);

  if (whole !== undefined) return { state: 'ready', entry: whole };
  if (!ask) return { state: 'gone' };
  if (answer?.key !== key)
    return held === undefined ? { state: 'loading' } : { state: 'loading', previous: held };
  if (answer.entries === undefined) return { state: 'unanswered', retry: () => setAttempt((n) => n + 1) };
  return { state: 'gone' };
}
