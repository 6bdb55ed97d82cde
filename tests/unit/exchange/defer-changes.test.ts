// deferChanges: a request is built when it first appears, and its later changes once per takeChanges, not once per
// event. What the log ends up with must be exactly what the per-event assembler gives, whenever the changes are taken.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAssembler } from '../../../src/core/exchange/create-assembler';
import type { ExchangeRecord } from '../../../src/core/exchange/types';
import { Script, TAB } from './net-events';
import { chain, interleave } from './preflighted-chains';
import { runEvents } from './run-events';

const withoutSeq = ({ seq: _, ...rest }: ExchangeRecord) => rest;

describe('createAssembler({ deferChanges })', () => {
  for (const browser of ['chromium', 'firefox', 'firefox-153'] as const) {
    it(`${browser}: the same final records as per-event building, each row out at its first event`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
          fc.array(fc.nat(), { minLength: 1, maxLength: 100 }),
          fc.array(fc.boolean(), { minLength: 1, maxLength: 100 }),
          (passes, order, takeAfter) => {
            const options = {
              preflightAfterActual: browser === 'chromium',
              sendPrecedesPreflight: browser !== 'chromium',
            };
            const steps = interleave(
              passes.map((ok, i) => chain(i, ok, browser)),
              order,
            );
            const events = new Script();
            const eager = runEvents(
              createAssembler(options),
              steps.map((step) => step(events)),
            );

            const s = new Script();
            const deferred = createAssembler({ ...options, deferChanges: true });
            const latest = new Map<string, ExchangeRecord>();
            const keep = (records: ExchangeRecord[]) => {
              for (const record of records) {
                const before = latest.get(record.id);
                if (before) expect(record.seq).toBeGreaterThan(before.seq);
                latest.set(record.id, record);
              }
            };
            steps.forEach((step, i) => {
              const event = step(s);
              const created = deferred.push(event);
              // A row goes out with the event that made it: only records never seen before come from push.
              for (const record of created) expect(latest.has(record.id), record.id).toBe(false);
              keep(created);
              // With the clock, only what is due: ended requests, and running ones whose change waited.
              if (takeAfter[i % takeAfter.length])
                keep(deferred.takeChanges(i % 2 === 0 ? s.time : undefined));
            });
            keep(deferred.takeChanges());
            expect(deferred.hasChanges()).toBe(false);

            expect([...latest.keys()].sort()).toEqual([...eager.latest.keys()].sort());
            for (const [id, record] of eager.latest)
              expect(withoutSeq(latest.get(id) as ExchangeRecord)).toEqual(withoutSeq(record));
          },
        ),
        { numRuns: 200 },
      );
    });
  }

  it('builds a request with events close together once for its changes, not once per event', () => {
    const s = new Script();
    const assembler = createAssembler({ preflightAfterActual: true, deferChanges: true });
    const steps = chain(0, true, 'chromium');
    const fromPush = steps.flatMap((step) => assembler.push(step(s)));
    expect(fromPush.map((r) => r.outcome)).toEqual(['pending']);
    const changes = assembler.takeChanges();
    expect(changes).toHaveLength(1);
    expect(changes[0]?.outcome).toBe('completed');
    expect(changes[0]?.preflight?.response?.status).toBe(204);
    expect(assembler.takeChanges()).toEqual([]);
  });

  it('tracks a row whose last change waits, and forgets it with its tab', () => {
    const s = new Script();
    const assembler = createAssembler({ preflightAfterActual: true, deferChanges: true });
    for (const step of chain(0, true, 'chromium')) assembler.push(step(s));
    expect(assembler.pending()).toBe(0);
    expect(assembler.tracks(`${TAB}:a0`)).toBe(true);
    assembler.forgetTab(TAB);
    expect(assembler.hasChanges()).toBe(false);
    expect(assembler.tracks(`${TAB}:a0`)).toBe(false);
  });

  it('holds a change to a running request until it has waited runningChangeMs; an ended request goes at once', () => {
    const s = new Script();
    const assembler = createAssembler({
      preflightAfterActual: true,
      deferChanges: true,
      runningChangeMs: 100,
    });
    const steps = chain(0, true, 'chromium');
    const last = steps.pop() as (typeof steps)[number];
    let firstChangeAt: number | undefined;
    for (const step of steps) {
      assembler.push(step(s));
      if (assembler.hasChanges()) firstChangeAt ??= s.time;
    }
    if (firstChangeAt === undefined) throw new Error('the chain changed nothing before its end');
    expect(assembler.takeChanges(firstChangeAt + 99)).toEqual([]);
    expect(assembler.hasChanges()).toBe(true);
    const running = assembler.takeChanges(firstChangeAt + 100);
    expect(running.map((r) => [r.outcome, r.response?.status])).toEqual([['pending', 200]]);
    assembler.push(last(s));
    const ended = assembler.takeChanges(s.time);
    expect(ended.map((r) => r.outcome)).toEqual(['completed']);
    expect(ended[0]?.seq).toBeGreaterThan(running[0]?.seq as number);
  });

  it("touch: a record changed outside joins its request's next change, only while the request is followed", () => {
    const s = new Script();
    const assembler = createAssembler({ preflightAfterActual: true, deferChanges: true });
    const steps = chain(0, true, 'chromium');
    assembler.push((steps.shift() as (typeof steps)[number])(s));
    expect(assembler.hasChanges()).toBe(false);
    expect(assembler.touch(`${TAB}:a0`, s.time)).toBe(true);
    expect(assembler.hasChanges()).toBe(true);
    expect(assembler.takeChanges().map((r) => r.id)).toEqual([`${TAB}:a0`]);
    // Unknown, or not yet built, or ended and built: nothing will carry the change.
    expect(assembler.touch(`${TAB}:zz`, s.time)).toBe(false);
    expect(assembler.touch(`${TAB + 1}:a0`, s.time)).toBe(false);
    for (const step of steps) assembler.push(step(s));
    assembler.takeChanges();
    expect(assembler.touch(`${TAB}:a0`, s.time)).toBe(false);
    expect(assembler.hasChanges()).toBe(false);
    expect(createAssembler().touch(`${TAB}:a0`, 0)).toBe(false);
  });
});
