import { redactRecord } from './redact-record';
import type { ExchangeRecord } from './types';

/** The format of a mirrored log (version 1 stored the whole log under one key). */
export const LOG_MIRROR_VERSION = 2;

/** What a log keeps besides its records, as mirrored (log-mirror.ts). */
export interface TabLogMeta {
  version: typeof LOG_MIRROR_VERSION;
  capacity: number;
  dropped: number;
  lastSeq: number;
}

/**
 * A record as mirrored: its JSON, with its place in the log, which an update keeps. JSON text because the browser
 * converts what it stores into its own values, which for a record's many small header lists cost more than the
 * text (the profile of the capturing worker: the mirror's writes were a tenth of its time).
 */
export interface PlacedRecord {
  order: number;
  json: string;
}

/** What changed in a log since its mirror was last written: only that is written again. */
export interface TabLogDelta {
  meta: TabLogMeta;
  /** Records added or changed, by id. */
  put: (PlacedRecord & { id: string })[];
  /** Ids of mirrored records the log no longer holds (dropped, cleared). */
  removed: string[];
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
  /** The JSON of records measured since the mirror was written: measuring and mirroring serialize once. */
  #json = new Map<string, string>();
  /** Each record's place, which an update keeps: a mirror restores the order from it. */
  #order = new Map<string, number>();
  #nextOrder = 0;
  /** Ids whose latest version the mirror holds, and those added or changed since it was written. */
  #mirrored = new Set<string>();
  #unmirrored = new Set<string>();
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
      const json = JSON.stringify(record);
      const size = json.length;
      if (this.#unmirrored.has(id)) this.#json.set(id, json);
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
    if (!this.#records.has(record.id)) this.#order.set(record.id, this.#nextOrder++);
    this.#records.set(record.id, record);
    this.#unmeasured.add(record.id);
    this.#unmirrored.add(record.id);
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
    this.#json.delete(oldest.value);
    this.#order.delete(oldest.value);
    this.#unmirrored.delete(oldest.value);
    this.#bytes -= size;
    this.#dropped++;
    return size;
  }

  /** Empties the log. `lastSeq` survives so that `since` keeps working for listeners. */
  clear(): void {
    this.#records.clear();
    this.#sizes.clear();
    this.#unmeasured.clear();
    this.#json.clear();
    this.#order.clear();
    this.#unmirrored.clear();
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

  /**
   * What the mirror lacks: the records added or changed since the last call, and those it holds that the log has
   * dropped since. The caller writes exactly that; the log then counts it as mirrored.
   */
  takeMirrorDelta(): TabLogDelta {
    this.#measure();
    const put: TabLogDelta['put'] = [];
    for (const id of this.#unmirrored) {
      const record = this.#records.get(id);
      if (record === undefined) continue;
      const json = this.#json.get(id) ?? JSON.stringify(record);
      put.push({ id, order: this.#order.get(id) ?? 0, json });
      this.#mirrored.add(id);
    }
    this.#unmirrored.clear();
    this.#json.clear();
    const removed: string[] = [];
    for (const id of this.#mirrored) if (!this.#records.has(id)) removed.push(id);
    for (const id of removed) this.#mirrored.delete(id);
    return { meta: this.#meta(), put, removed };
  }

  /** The mirror's last write failed (storage full, say): the next delta carries every record again. */
  mirrorFailed(): void {
    for (const id of this.#records.keys()) this.#unmirrored.add(id);
  }

  #meta(): TabLogMeta {
    return {
      version: LOG_MIRROR_VERSION,
      capacity: this.capacity,
      dropped: this.#dropped,
      lastSeq: this.#lastSeq,
    };
  }

  /**
   * Restores a mirrored log. Checks the meta and each record's id and seq, the fields the log itself relies on; the
   * records' content was written by this code and is trusted, but redacted again: a mirror written by an older
   * version may hold values that today's redaction hides. Unreadable records are skipped.
   */
  static restore(meta: unknown, placed: readonly unknown[]): TabLog {
    if (!isTabLogMeta(meta)) throw new TypeError(`not a TabLog mirror (version ${LOG_MIRROR_VERSION})`);
    const log = new TabLog(meta.capacity);
    const readable: { order: number; record: ExchangeRecord }[] = [];
    for (const value of placed) {
      const record = isPlacedRecord(value) ? parsed(value.json) : undefined;
      if (isRecordLike(record)) readable.push({ order: (value as PlacedRecord).order, record });
    }
    readable.sort((a, b) => a.order - b.order);
    for (const { record } of readable) log.add(redactRecord(record));
    log.#dropped += meta.dropped;
    log.#lastSeq = Math.max(log.#lastSeq, meta.lastSeq);
    // What was just read is what the mirror holds (beyond capacity too: the next delta removes it).
    for (const { record } of readable) log.#mirrored.add(record.id);
    log.#unmirrored.clear();
    return log;
  }
}

function isTabLogMeta(value: unknown): value is TabLogMeta {
  if (typeof value !== 'object' || value === null) return false;
  const meta = value as Partial<Record<keyof TabLogMeta, unknown>>;
  return (
    meta.version === LOG_MIRROR_VERSION &&
    typeof meta.capacity === 'number' &&
    Number.isInteger(meta.capacity) &&
    meta.capacity >= 1 &&
    isCount(meta.dropped) &&
    isCount(meta.lastSeq)
  );
}

function isPlacedRecord(value: unknown): value is PlacedRecord {
  if (typeof value !== 'object' || value === null) return false;
  const placed = value as { order?: unknown; json?: unknown };
  return typeof placed.order === 'number' && typeof placed.json === 'string';
}

function parsed(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isRecordLike(value: unknown): value is ExchangeRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as { id?: unknown; seq?: unknown };
  return typeof record.id === 'string' && typeof record.seq === 'number';
}
