// One batch of reports from the hook in a page, joined with the tab's log: each call with the request it made, each
// response header its script read with the response. What finds no record yet is handed back to wait for it.
import {
  isCallFor,
  isReadOf,
  type PageRead,
  type PageReports,
  type PageRequest,
  withHeaderRead,
  withPageCall,
} from './page-request';
import type { ExchangeRecord } from './types';

export interface JoinedReports {
  /** The records the batch changed, each once, in its state after every report of the batch. */
  changed: ExchangeRecord[];
  /** Calls whose request is not logged yet. */
  waitingCalls: PageRequest[];
  /** Reads whose response is not logged yet. */
  waitingReads: PageRead[];
}

/** A call is looked for among the newest records only: a page makes its calls in bursts, and the log can be long. */
export const RECENT_FOR_CALLS = 300;

/** `records`: the tab's log, oldest first. A call joins the oldest recent record it made that no call has joined. */
export function joinPageReports(
  records: readonly ExchangeRecord[],
  { calls, reads }: PageReports,
): JoinedReports {
  const changed = new Map<string, ExchangeRecord>();
  // A read may be of a record an earlier report of this batch changed.
  const latest = (record: ExchangeRecord) => changed.get(record.id) ?? record;
  const recent = records.slice(-RECENT_FOR_CALLS);
  const waitingCalls: PageRequest[] = [];
  for (const call of calls) {
    const index = recent.findIndex((record) => isCallFor(record, call));
    if (index < 0) waitingCalls.push(call);
    else {
      const [record] = recent.splice(index, 1) as [ExchangeRecord];
      changed.set(record.id, withPageCall(record, call));
    }
  }
  const waitingReads: PageRead[] = [];
  for (const read of reads) {
    const found = records.findLast((record) => isReadOf(record, read));
    if (found === undefined) waitingReads.push(read);
    else {
      const record = latest(found);
      const withRead = withHeaderRead(record, read.header);
      if (withRead !== record) changed.set(record.id, withRead);
    }
  }
  return { changed: [...changed.values()], waitingCalls, waitingReads };
}
