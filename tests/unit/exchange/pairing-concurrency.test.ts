// Identical requests fired in parallel: every exchange must get exactly one preflight, every preflight must be used
// once, and a failed preflight must end up with a request that failed unsent (and a passed one with a sent one).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAssembler } from '../../../src/core/exchange/create-assembler';
import type { NetEvent } from '../../../src/core/exchange/events';
import type { ExchangeRecord } from '../../../src/core/exchange/types';
import { allowHeaders, chromiumRequestHeaders, preflightHeaders, Script, TAB } from './net-events';
import { author, chain, interleave, url } from './preflighted-chains';
import { runEvents } from './run-events';

function checkPairing(latest: Map<string, ExchangeRecord>, outcomes: readonly boolean[]): void {
  expect(latest.size).toBe(outcomes.length);
  const used = new Set<string>();
  outcomes.forEach((passes, i) => {
    const record = latest.get(`${TAB}:a${i}`);
    expect(record, `a${i}`).toBeDefined();
    const preflight = record?.preflight;
    expect(preflight, `a${i} has a preflight`).toBeDefined();
    used.add(preflight?.requestId ?? '');
    expect(record?.outcome).toBe(passes ? 'completed' : 'failed');
    // The preflight's answer agrees with what its request did, and came before the request's response.
    expect(preflight?.response?.status).toBe(passes ? 204 : 405);
    if (passes) expect(preflight?.response?.time ?? Infinity).toBeLessThan(record?.response?.time ?? 0);
  });
  expect(used.size).toBe(outcomes.length);
}

describe('20 identical preflighted PUTs in parallel', () => {
  it('Chromium: all start, preflights answered out of order, 5 fail: exact pairing by answer order', () => {
    const n = 20;
    const fails = new Set([3, 7, 8, 15, 19]);
    const s = new Script();
    const events: NetEvent[] = [];
    for (let i = 0; i < n; i++) events.push(s.before(`a${i}`, 'PUT', url));
    for (let i = 0; i < n; i++) {
      events.push(s.before(`p${i}`, 'OPTIONS', url));
      events.push(s.send(`p${i}`, preflightHeaders('PUT', ['content-type', 'x-token'])));
    }
    // Two batches: ten answers in reverse order, then their requests go on in that same order.
    for (const batch of [
      [19, 18, 17, 16, 15, 14, 13, 12, 11, 10],
      [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]) {
      for (const i of batch) {
        const passes = !fails.has(i);
        events.push(s.received(`p${i}`, passes ? 204 : 405, passes ? allowHeaders() : []));
      }
      for (const i of batch) {
        if (fails.has(i)) events.push(s.error(`a${i}`, 'net::ERR_FAILED'));
        else events.push(s.send(`a${i}`, chromiumRequestHeaders(author)));
      }
    }
    for (let i = 0; i < n; i++) {
      events.push(s.completed(`p${i}`, fails.has(i) ? 405 : 204));
      if (!fails.has(i)) events.push(s.completed(`a${i}`, 200));
    }
    const assembler = createAssembler({ preflightAfterActual: true });
    const { latest } = runEvents(assembler, events);
    expect(latest.size).toBe(n);
    for (let i = 0; i < n; i++) {
      const record = latest.get(`${TAB}:a${i}`);
      expect(record?.preflight?.requestId, `a${i}`).toBe(`p${i}`);
      expect(record?.outcome).toBe(fails.has(i) ? 'failed' : 'completed');
    }
    expect(assembler.pending()).toBe(0);
  });

  const outcomes = fc.array(fc.boolean(), { minLength: 1, maxLength: 20 });
  const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 400 });

  for (const [browser, hint] of [
    ['chromium', true],
    ['chromium', false],
    ['firefox', false],
    ['firefox-153', false],
  ] as const) {
    it(`${browser}${hint ? ' with the ordering hint' : ''}: any interleaving pairs consistently`, () => {
      fc.assert(
        fc.property(outcomes, picks, (passes, order) => {
          const s = new Script();
          const steps = interleave(
            passes.map((ok, i) => chain(i, ok, browser)),
            order,
          );
          const assembler = createAssembler({
            preflightAfterActual: hint,
            sendPrecedesPreflight: browser !== 'chromium',
          });
          const { latest } = runEvents(
            assembler,
            steps.map((step) => step(s)),
          );
          checkPairing(latest, passes);
          expect(assembler.pending()).toBe(0);
        }),
        { numRuns: 300 },
      );
    });
  }
});
