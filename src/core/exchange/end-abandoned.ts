import type { ExchangeRecord } from './types';

/** How long a pending record nobody follows any more may stay pending: the assembler's own timeout. */
export const ABANDONED_AFTER_MS = 60_000;

/**
 * A record left pending by a background that stopped (its last events went with it) and that no assembler follows:
 * ended once it is a minute old, as CORS Lens's decision, so that no row stays pending for good. With a response,
 * the CORS verdict made on its headers stands.
 */
export function endAbandoned(record: ExchangeRecord, now: number): ExchangeRecord | undefined {
  if (record.outcome !== 'pending' || now - record.startedAt < ABANDONED_AFTER_MS) return undefined;
  const answered = record.response !== undefined;
  return {
    ...record,
    outcome: answered ? 'completed' : 'failed',
    endedAt: now,
    incomplete: answered ? 'no-final-event' : 'no-response',
  };
}
