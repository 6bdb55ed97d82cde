// Exchanges the verdict engine evaluates per second of one core's CPU time, realistic mix; median of several runs.
// CPU time (process.cpuUsage), not wall time: the figure stays honest when other processes share the cores.
import { bundledEvaluate } from './bundled-engine';
import { realisticMix } from './engine-mix';
import type { BenchRow } from './table';
import { median } from './table';

export async function engineThroughputRows(runs = 7): Promise<BenchRow[]> {
  const evaluate = await bundledEvaluate();
  const mix = realisticMix();
  for (const e of mix) evaluate(e); // warm-up: JIT
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = process.cpuUsage();
    const cpuSeconds = () => {
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1e6;
    };
    let n = 0;
    while (cpuSeconds() < 0.3)
      for (const e of mix) {
        evaluate(e);
        n++;
      }
    rates.push(n / cpuSeconds());
  }
  const rate = Math.round(median(rates));
  return [
    {
      group: 'engine',
      name: `evaluate() throughput, bundled engine, per CPU-second (median of ${runs})`,
      value: rate,
      unit: '/s',
      target: '≥ 200,000/s',
      ok: rate >= 200_000,
    },
  ];
}
