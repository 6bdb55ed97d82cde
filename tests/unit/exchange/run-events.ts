import type { Assembler } from '../../../src/core/exchange/create-assembler';
import type { NetEvent } from '../../../src/core/exchange/events';
import type { ExchangeRecord } from '../../../src/core/exchange/types';

/** Pushes events in order; returns every emission and the latest version of each record. */
export function runEvents(
  assembler: Assembler,
  events: readonly NetEvent[],
): { emitted: ExchangeRecord[]; latest: Map<string, ExchangeRecord> } {
  const emitted: ExchangeRecord[] = [];
  const latest = new Map<string, ExchangeRecord>();
  for (const event of events) {
    for (const record of assembler.push(event)) {
      emitted.push(record);
      latest.set(record.id, record);
    }
  }
  return { emitted, latest };
}

export function only(latest: Map<string, ExchangeRecord>): ExchangeRecord {
  const records = [...latest.values()];
  if (records.length !== 1) throw new Error(`expected one exchange, got ${records.length}`);
  return records[0] as ExchangeRecord;
}
