// Exchanges the verdict engine evaluates per second on one core, realistic mix; best of several runs.
import { evaluate } from '../../src/core/cors/evaluate';
import { realisticMix } from './engine-mix';
import type { BenchRow } from './table';
import { median } from './table';

export function engineThroughputRows(runs = 7): BenchRow[] {
  const mix = realisticMix();
  for (const e of mix) evaluate(e); // warm-up: JIT
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < 300) for (const e of mix) evaluate(e), n++;
    rates.push(n / ((performance.now() - start) / 1000));
  }
  const rate = Math.round(median(rates));
  return [
    {
      group: 'engine',
      name: `evaluate() throughput (median of ${runs})`,
      value: rate,
      unit: '/s',
      target: '≥ 200,000/s',
      ok: rate >= 200_000,
    },
  ];
}
