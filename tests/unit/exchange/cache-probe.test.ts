// Chromium loads a web font from its cache only first (Blink's cache-aware font loading); on a miss it sends the same
// request to the network under a new requestId. webRequest shows two requests; the page made one: one row.
import { describe, expect, it } from 'vitest';
import { createAssembler } from '../../../src/core/exchange/create-assembler';
import type { HeaderList } from '../../../src/core/exchange/events';
import { API, chromiumRequestHeaders, PAGE, Script, TAB } from './net-events';
import { only, runEvents } from './run-events';

const font = `${API}/font.otf`;
const allowOrigin: HeaderList = [['Access-Control-Allow-Origin', PAGE]];
/** The font's load from the cache only, as webRequest shows it: request '1', failed with a miss. */
const cacheMiss = (s: Script) => [
  s.before('1', 'GET', font, { type: 'font' }),
  s.send('1', chromiumRequestHeaders()),
  s.error('1', 'net::ERR_CACHE_MISS'),
];

describe('a font load that missed the cache, then went to the network', () => {
  it('is one row: the probe’s, pending until the network load ends, then that load’s outcome', () => {
    const s = new Script();
    const assembler = createAssembler();
    const { emitted, latest } = runEvents(assembler, [
      ...cacheMiss(s),
      s.before('2', 'GET', font, { type: 'font' }),
      s.send('2', chromiumRequestHeaders()),
      s.received('2', 200, allowOrigin),
      s.completed('2', 200),
    ]);
    const record = only(latest);
    expect(record).toMatchObject({
      id: `${TAB}:1`,
      type: 'font',
      outcome: 'completed',
      response: { status: 200, headers: allowOrigin },
    });
    expect(record.error).toBeUndefined();
    // Never shown as ended before the network load's own end.
    expect(emitted.filter((r) => r.outcome !== 'pending')).toHaveLength(1);
    expect(assembler.pending()).toBe(0);
  });

  it('keeps the network load’s refusal, and is followed while that load runs', () => {
    const s = new Script();
    const assembler = createAssembler();
    const { latest } = runEvents(assembler, [
      ...cacheMiss(s),
      s.before('2', 'GET', font, { type: 'font' }),
      s.send('2', chromiumRequestHeaders()),
    ]);
    expect(assembler.tracks(`${TAB}:1`)).toBe(true);
    const { latest: after } = runEvents(assembler, [
      s.received('2', 200, [['Access-Control-Allow-Origin', 'http://other.test']]),
      s.error('2', 'net::ERR_FAILED'),
    ]);
    expect(only(latest).outcome).toBe('pending');
    expect(only(after)).toMatchObject({ id: `${TAB}:1`, outcome: 'failed', error: 'net::ERR_FAILED' });
    expect(assembler.tracks(`${TAB}:1`)).toBe(false);
  });

  it('ends as the cache miss it was when no network load follows', () => {
    const s = new Script();
    const assembler = createAssembler({ orphanGraceMs: 2_000 });
    const { latest } = runEvents(assembler, [...cacheMiss(s)]);
    expect(only(latest).outcome).toBe('pending');
    expect(assembler.tracks(`${TAB}:1`)).toBe(true);
    expect(assembler.sweep(s.time + 1_999)).toEqual([]);
    const [ended, ...rest] = assembler.sweep(s.time + 2_000);
    expect(rest).toEqual([]);
    expect(ended).toMatchObject({
      id: `${TAB}:1`,
      outcome: 'failed',
      error: 'net::ERR_CACHE_MISS',
      endedAt: s.time,
    });
    expect(assembler.pending()).toBe(0);
  });

  it('a request to another URL is a row of its own', () => {
    const s = new Script();
    const { latest } = runEvents(createAssembler(), [
      ...cacheMiss(s),
      s.before('2', 'GET', `${API}/other.otf`, { type: 'font' }),
      s.send('2', chromiumRequestHeaders()),
      s.received('2', 200, allowOrigin),
      s.completed('2', 200),
    ]);
    expect([...latest.keys()].sort()).toEqual([`${TAB}:1`, `${TAB}:2`]);
  });
});
