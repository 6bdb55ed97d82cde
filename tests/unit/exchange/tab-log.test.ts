import { describe, expect, it } from 'vitest';
import { TabLog } from '../../../src/core/exchange/tab-log';
import type { ExchangeRecord } from '../../../src/core/exchange/types';
import { record } from './record';

describe('TabLog', () => {
  it('inserts new records in order and updates existing ones in place', () => {
    const log = new TabLog();
    log.add(record('a', 1));
    log.add(record('b', 2));
    log.add(record('a', 3, { outcome: 'completed' }));
    expect(log.snapshot().map((r) => [r.id, r.seq, r.outcome])).toEqual([
      ['a', 3, 'completed'],
      ['b', 2, 'pending'],
    ]);
    expect(log.size).toBe(2);
  });

  it('drops the oldest beyond capacity and counts them', () => {
    const log = new TabLog(3);
    for (let i = 1; i <= 5; i++) log.add(record(`r${i}`, i));
    expect(log.snapshot().map((r) => r.id)).toEqual(['r3', 'r4', 'r5']);
    expect(log.dropped).toBe(2);
    // An update does not make room for anyone.
    log.add(record('r4', 6));
    expect(log.dropped).toBe(2);
    expect(log.size).toBe(3);
  });

  it('defaults to 5,000 records per tab', () => {
    const log = new TabLog();
    for (let i = 1; i <= 5_001; i++) log.add(record(`r${i}`, i));
    expect(log.size).toBe(5_000);
    expect(log.dropped).toBe(1);
    expect(log.snapshot()[0]?.id).toBe('r2');
  });

  it('since(seq) returns only what was added or changed after seq', () => {
    const log = new TabLog();
    log.add(record('a', 1));
    log.add(record('b', 2));
    log.add(record('c', 3));
    log.add(record('a', 4, { outcome: 'failed' }));
    expect(log.since(2).map((r) => [r.id, r.seq])).toEqual([
      ['a', 4],
      ['c', 3],
    ]);
    expect(log.since(4)).toEqual([]);
    expect(log.since(0)).toHaveLength(3);
  });

  it('clear() empties the log and the dropped count but keeps lastSeq', () => {
    const log = new TabLog(1);
    log.add(record('a', 1));
    log.add(record('b', 9));
    log.clear();
    expect(log.snapshot()).toEqual([]);
    expect(log.dropped).toBe(0);
    expect(log.lastSeq).toBe(9);
  });

  it('rejects a capacity below 1', () => {
    expect(() => new TabLog(0)).toThrow(RangeError);
  });
});

describe('TabLog bytes', () => {
  const big = (id: string, seq: number, size: number) => {
    const r = record(id, seq);
    return {
      ...r,
      response: { url: r.request.url, status: 200, headers: [['x-big', 'a'.repeat(size)]], time: 1 },
    };
  };

  it('drops the oldest records to stay within its bytes, and counts them', () => {
    const log = new TabLog(5_000, 10_000);
    for (let i = 0; i < 10; i++) log.add(big(`r${i}`, i, 2_000) as ExchangeRecord);
    expect(log.bytes).toBeGreaterThan(10_000); // measured and trimmed before it is stored, not per event
    log.keepWithinBytes();
    expect(log.bytes).toBeLessThanOrEqual(10_000);
    expect(log.size).toBeLessThan(10);
    expect(log.dropped).toBe(10 - log.size);
    expect(log.get('r9')).toBeDefined();
    expect(log.get('r0')).toBeUndefined();
  });

  it('counts a replaced record once, and keeps the newest even when it alone is over', () => {
    const log = new TabLog(5_000, 10_000);
    log.add(big('a', 1, 1_000) as ExchangeRecord);
    const before = log.bytes;
    log.add(big('a', 2, 1_000) as ExchangeRecord);
    expect(log.bytes).toBe(before);
    log.add(big('huge', 3, 50_000) as ExchangeRecord);
    log.keepWithinBytes();
    expect(log.size).toBe(1);
    expect(log.get('huge')).toBeDefined();
    log.clear();
    expect(log.bytes).toBe(0);
  });
});
