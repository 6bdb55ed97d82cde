// The assembler's mutable working state. Records handed out are fresh copies built by toExchangeRecord, so that
// nothing downstream can alias (or be surprised by) this state. Headers and URLs here are as the browser reported
// them, secrets included (pairing compares URLs): they are redacted on the way out, in toExchangeRecord.
import type { HeaderList } from './events';
import type { PreflightAsk } from './parse-preflight-request';
import type { HopRecord, Incomplete, Outcome, PreflightCacheSource, ResponseRecord } from './types';

export interface PreflightDraft {
  requestId: string;
  tabId: number;
  initiator: string;
  url: string;
  type: string;
  key: string;
  ask: PreflightAsk;
  headers: HeaderList;
  sentAt: number;
  startedAt: number;
  /** Arrival order of its onBeforeRequest (see choose-preflight.ts). */
  startOrder: number;
  answerOrder?: number;
  answeredAt?: number;
  response?: { status: number; headers: HeaderList; time: number };
  error?: string;
  /** Completed or failed: no more events expected. */
  done: boolean;
  owner?: ExchangeDraft;
  lastTime: number;
}

export interface ExchangeDraft {
  requestId: string;
  id: string;
  tabId: number;
  pageOrigin: string;
  type: string;
  method: string;
  /** The method of the current hop: a 303 turns a POST into a GET. */
  currentMethod: string;
  firstUrl: string;
  url: string;
  startedAt: number;
  /** Arrival order of the current hop's onBeforeRequest (see choose-preflight.ts). */
  startOrder: number;
  lastTime: number;
  sent?: HeaderList;
  /** Before the moment it shows how its preflight went (sent, or failed unsent); again after each redirect. */
  awaitingPreflight: boolean;
  preflight?: PreflightDraft;
  preflightCached?: boolean;
  preflightCacheSource?: PreflightCacheSource;
  /** Adopted mid-flight (see Resumable): its start, and maybe its headers and preflight, were not seen. */
  resumed?: boolean;
  hops: HopRecord[];
  response?: ResponseRecord;
  outcome: Outcome;
  error?: string;
  /** When its load from the cache only missed; set while it waits for the network load (create-assembler.ts). */
  cacheMissAt?: number;
  /** Ended by CORS Lens, not by the browser: see ExchangeRecord.incomplete. */
  incomplete?: Incomplete;
  endedAt?: number;
}
