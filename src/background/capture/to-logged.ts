import { evaluate } from '../../core/cors';
import { type ExchangeRecord, toEngineExchange } from '../../core/exchange';
import type { LoggedExchange } from '../../shared/panel-protocol';

/** A record with the engine's verdict on what the server sent. */
export function toLogged(record: ExchangeRecord): LoggedExchange {
  return { record, verdict: evaluate(toEngineExchange(record)) };
}

/** Blocked means: finished, and the engine says the browser refused it. */
export function isBlocked(entry: LoggedExchange): boolean {
  return entry.record.outcome !== 'pending' && !entry.verdict.allowed;
}
