// `npm run bench`: every performance figure the issues ask for, as one table, also written to out/bench.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { bundleSizeRows } from './bench/bundle-size';
import { engineThroughputRows } from './bench/engine-throughput';
import { firefoxOverheadRows } from './bench/firefox-overhead';
import { overheadRows } from './bench/overhead';
import { panelScaleRows } from './bench/panel-scale';
import { rescueCostRows } from './bench/rescue-cost';
import { type BenchRow, formatTable } from './bench/table';
import { toggleLatencyRows } from './bench/toggle-latency';
import { check, run } from './run.mjs';

const buildStart = performance.now();
check(await run(process.execPath, ['scripts/build.mjs']), 'build');
const rows: BenchRow[] = [
  {
    group: 'build',
    name: 'npm run build (both targets)',
    value: Math.round(performance.now() - buildStart),
    unit: 'ms',
  },
  ...(await bundleSizeRows()),
  ...(await engineThroughputRows()),
  ...(await overheadRows()),
  ...(await firefoxOverheadRows()),
  ...(await rescueCostRows()),
  ...(await toggleLatencyRows()),
  ...(await panelScaleRows()),
];

console.log(`\n${formatTable(rows)}`);
await mkdir('out', { recursive: true });
await writeFile('out/bench.json', `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
console.log('\nwritten to out/bench.json');
