import { redactRecord } from './redact-record';
import type { ExchangeRecord } from './types';

export interface TabLogJSON {
  version: 1;
  capacity: number;
  dropped: number;
  lastSeq: number;
  records: ExchangeRecord[];
}

/**
 * One tab's exchanges, oldest first, at most `capacity` of them: the oldest are dropped (and counted) so that a
 * chatty page cannot exhaust memory or storage.session. An update keeps the record's place.
 */
/** How many exchanges a tab's log keeps (the panel keeps as many). */
export const TAB_LOG_CAPACITY = 5_000;

/** A tab's share of storage.session (Chrome gives an extension 10 MiB in all; log-store.ts caps the total). */
export const DEFAULT_MAX_BYTES = 3 * 1024 * 1024;

export class TabLog {
  readonly capacity: number;
  // A Map keeps insertion order, replaces in place and deletes its first key in O(1): a ring buffer keyed by id.
  #records = new Map<string, ExchangeRecord>();
  #dropped = 0;
  #lastSeq = 0;
  /** The size of each record as stored (its JSON), and their sum: the mirror's quota is in bytes. */
  #sizes = new Map<string, number>();
  #bytes = 0;
  /** Records added or changed since they were last measured: measured when the size is asked, not per event. */
  #unmeasured = new Set<string>();
  readonly maxBytes: number;

  constructor(capacity = TAB_LOG_CAPACITY, maxBytes = DEFAULT_MAX_BYTES) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be ≥ 1, got ${capacity}`);
    this.capacity = capacity;
    this.maxBytes = maxBytes;
  }

  /** The log's size as stored (the JSON of its records, in UTF-16 code units, about bytes). */
  get bytes(): number {
    this.#measure();
    return this.#bytes;
  }

  #measure(): void {
    for (const id of this.#unmeasured) {
      const record = this.#records.get(id);
      if (record === undefined) continue;
      const size = JSON.stringify(record).length;
      this.#bytes += size - (this.#sizes.get(id) ?? 0);
      this.#sizes.set(id, size);
    }
    this.#unmeasured.clear();
  }

  /** Records dropped to make room since the last clear. */
  get dropped(): number {
    return this.#dropped;
  }

  get size(): number {
    return this.#records.size;
  }

  /** The highest seq ever added: hand it to `createAssembler({ lastSeq })` after a restart. */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** Inserts a record, or replaces the one with its id. */
  add(record: ExchangeRecord): void {
    this.#lastSeq = Math.max(this.#lastSeq, record.seq);
    this.#records.set(record.id, record);
    this.#unmeasured.add(record.id);
    while (this.#records.size > this.capacity) this.dropOldest();
  }

  /**
   * Drops the oldest records until the log is within its bytes; the newest always stays (a log is never emptied by
   * what it was just given). Called before the log is stored, not on every event.
   */
  keepWithinBytes(): void {
    while (this.bytes > this.maxBytes && this.#records.size > 1) this.dropOldest();
  }

  /** Drops the oldest record (counted in `dropped`); returns the bytes freed. */
  dropOldest(): number {
    const oldest = this.#records.keys().next();
    if (oldest.done === true) return 0;
    const size = this.#sizes.get(oldest.value) ?? 0;
    this.#records.delete(oldest.value);
    this.#sizes.delete(oldest.value);
    this.#unmeasured.delete(oldest.value);
    this.#bytes -= size;
    this.#dropped++;
    return size;
  }

  /** Empties the log. `lastSeq` survives so that `since` keeps working for listeners. */
  clear(): void {
    this.#records.clear();
    this.#sizes.clear();
    this.#unmeasured.clear();
    this.#bytes = 0;
    this.#dropped = 0;
  }

  /** The record with this id, if the log holds it. */
  get(id: string): ExchangeRecord | undefined {
    return this.#records.get(id);
  }

  snapshot(): ExchangeRecord[] {
    return [...this.#records.values()];
  }

  /** The records still pending, oldest first. */
  pending(): ExchangeRecord[] {
    const out: ExchangeRecord[] = [];
    for (const record of this.#records.values()) if (record.outcome === 'pending') out.push(record);
    return out;
  }

  /** The records added or changed after `seq`, oldest first. */
  since(seq: number): ExchangeRecord[] {
    return this.snapshot().filter((record) => record.seq > seq);
  }

  toJSON(): TabLogJSON {
    return {
      version: 1,
      capacity: this.capacity,
      dropped: this.#dropped,
      lastSeq: this.#lastSeq,
      records: this.snapshot(),
    };
  }

  /**
   * Restores a log mirrored into storage.session. Checks the envelope and each record's id and seq, the fields the
   * log itself relies on; the records' content was written by this code and is trusted, but redacted again: a
   * mirror written by an older version may hold values that today's redaction hides.
   */
  static fromJSON(value: unknown): TabLog {
    if (!isTabLogJSON(value)) throw new TypeError('not a TabLog (version 1)');
    const log = new TabLog(value.capacity);
    for (const record of value.records) log.add(redactRecord(record));
    log.#dropped += value.dropped;
    log.#lastSeq = Math.max(log.#lastSeq, value.lastSeq);
    return log;
  }
}

function isTabLogJSON(value: unknown): value is TabLogJSON {
  if (typeof value !== 'object' || value === null) return false;
  const json = value as Partial<Record<keyof TabLogJSON, unknown>>;
  return (
    json.version === 1 &&
    typeof json.capacity === 'number' &&
    Number.isInteger(json.capacity) &&
    json.capacity >= 1 &&
    isCount(json.dropped) &&
    isCount(json.lastSeq) &&
    Array.isArray(json.records) &&
    json.records.every(isRecordLike)
  );
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isRecordLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as { id?: unknown; seq?: unknown };
  return typeof record.id === 'string' && typeof record.seq === 'number';
}
