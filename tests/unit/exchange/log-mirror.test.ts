import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  logMetaKey,
  logRecordKey,
  mirrorKeysOf,
  mirrorWrite,
  restoreLogs,
} from '../../../src/core/exchange/log-mirror';
import { TabLog } from '../../../src/core/exchange/tab-log';
import { record } from './record';

/** storage.session as a plain object, written the way log-store.ts writes it: removals, then the set. */
function mirror(
  storage: Record<string, unknown>,
  tabId: number,
  log: TabLog,
): { set: string[]; remove: string[] } {
  const write = mirrorWrite(tabId, log.takeMirrorDelta());
  for (const key of write.remove) delete storage[key];
  // Through JSON, as the browser stores it.
  Object.assign(storage, JSON.parse(JSON.stringify(write.set)));
  return { set: Object.keys(write.set), remove: write.remove };
}

describe('the log mirror in storage.session', () => {
  it('writes only what changed since the last write, besides the meta', () => {
    const storage: Record<string, unknown> = {};
    const log = new TabLog();
    log.add(record('7:a', 1));
    log.add(record('7:b', 2));
    expect(mirror(storage, 7, log).set.sort()).toEqual(['log:7', 'log:7:7:a', 'log:7:7:b']);
    log.add(record('7:b', 3, { outcome: 'completed' }));
    expect(mirror(storage, 7, log)).toEqual({ set: ['log:7', 'log:7:7:b'], remove: [] });
    expect(mirror(storage, 7, log)).toEqual({ set: ['log:7'], remove: [] });
  });

  it('removes what the log dropped or cleared', () => {
    const storage: Record<string, unknown> = {};
    const log = new TabLog(2);
    log.add(record('7:a', 1));
    mirror(storage, 7, log);
    log.add(record('7:b', 2));
    log.add(record('7:c', 3)); // drops a, which the mirror holds
    expect(mirror(storage, 7, log).remove).toEqual(['log:7:7:a']);
    log.clear();
    expect(mirror(storage, 7, log).remove.sort()).toEqual(['log:7:7:b', 'log:7:7:c']);
    expect(mirrorKeysOf(storage, 7)).toEqual(['log:7']);
    expect(restoreLogs(storage).get(7)?.size).toBe(0);
  });

  it('serializes each record version once for measuring and mirroring it', () => {
    const log = new TabLog();
    log.add(record('7:a', 1));
    log.add(record('7:b', 2));
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      expect(log.bytes).toBeGreaterThan(0); // measured before each write (log-store.ts keepWithinTotal)
      const delta = log.takeMirrorDelta();
      expect(delta.put.map((p) => JSON.parse(p.json).id)).toEqual(['7:a', '7:b']);
      expect(stringify).toHaveBeenCalledTimes(2);
    } finally {
      stringify.mockRestore();
    }
  });

  it('writes every record again after a failed write', () => {
    const log = new TabLog();
    log.add(record('7:a', 1));
    log.add(record('7:b', 2));
    log.takeMirrorDelta();
    log.mirrorFailed();
    expect(
      log
        .takeMirrorDelta()
        .put.map((p) => p.id)
        .sort(),
    ).toEqual(['7:a', '7:b']);
  });

  it('restores each tab’s log in its order, with its dropped count and last seq, from any sequence of changes', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), id: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ kind: fc.constant('write' as const) }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (ops, capacity) => {
        const storage: Record<string, unknown> = { preserveLog: [7], 'log:8': 'not a meta' };
        const log = new TabLog(capacity);
        let seq = 0;
        for (const o of ops) {
          if (o.kind === 'add') log.add(record(`7:r${o.id}`, ++seq, { endedAt: seq }));
          else if (o.kind === 'write') mirror(storage, 7, log);
          else log.clear();
        }
        mirror(storage, 7, log);
        const restored = restoreLogs(storage);
        expect([...restored.keys()]).toEqual([7]); // tab 8's unreadable meta is left out
        const back = restored.get(7) as TabLog;
        expect(back.snapshot()).toEqual(log.snapshot());
        expect(back.dropped).toBe(log.dropped);
        expect(back.lastSeq).toBe(log.lastSeq);
        expect(back.capacity).toBe(capacity);
        // Nothing stale stays behind: exactly the meta and the log's records.
        expect(mirrorKeysOf(storage, 7).sort()).toEqual(
          [logMetaKey(7), ...log.snapshot().map((r) => logRecordKey(7, r.id))].sort(),
        );
      }),
    );
  });

  it('tells tabs apart whose ids share a prefix', () => {
    const storage: Record<string, unknown> = {};
    const seven = new TabLog();
    seven.add(record('7:a', 1));
    const seventyOne = new TabLog();
    seventyOne.add(record('71:a', 2, { tabId: 71 }));
    mirror(storage, 7, seven);
    mirror(storage, 71, seventyOne);
    expect(mirrorKeysOf(storage, 7).sort()).toEqual(['log:7', 'log:7:7:a']);
    expect(
      restoreLogs(storage)
        .get(71)
        ?.snapshot()
        .map((r) => r.id),
    ).toEqual(['71:a']);
  });

  it.each([
    ['null', null],
    ['a string', 'log'],
    ['another version', { version: 1, capacity: 5, dropped: 0, lastSeq: 0 }],
    ['a zero capacity', { version: 2, capacity: 0, dropped: 0, lastSeq: 0 }],
    ['a negative dropped', { version: 2, capacity: 5, dropped: -1, lastSeq: 0 }],
  ])('restore rejects a meta that is %s', (_, meta) => {
    expect(() => TabLog.restore(meta, [])).toThrow(TypeError);
  });

  it('skips a record without id or place, or not JSON, and redacts what it restores again', () => {
    const secret = record('7:s', 2, {
      request: { ...record('7:s', 2).request, headers: [['Authorization', 'Bearer s3cr3t']] },
    });
    const log = TabLog.restore({ version: 2, capacity: 5, dropped: 0, lastSeq: 2 }, [
      { order: 0, json: JSON.stringify({ seq: 1 }) },
      { json: JSON.stringify(record('7:b', 1)) },
      { order: 2, json: '{"id": "7:c", "seq": ' },
      { order: 3, record: record('7:d', 1) },
      { order: 1, json: JSON.stringify(secret) },
    ]);
    expect(log.snapshot().map((r) => r.id)).toEqual(['7:s']);
    expect(JSON.stringify(log.snapshot())).not.toContain('s3cr3t');
  });
});
