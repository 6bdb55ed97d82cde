// Rows: page-load time with CORS Lens relative to no extension, per extension state.
import { launchChromium } from '../../tests/harness/chromium';
import { startLabProcess } from '../../tests/harness/lab-process';
import { compareLoads } from './page-load';
import type { BenchRow } from './table';

export async function overheadRows(rounds = 11): Promise<BenchRow[]> {
  const lab = await startLabProcess();
  const without = await launchChromium({ extension: false });
  const control = await launchChromium({ extension: false });
  const idle = await launchChromium();
  try {
    const rows: BenchRow[] = [];
    // The noise floor: two identical browsers without the extension. Ratios closer to 1 than this are noise.
    const aa = await compareLoads(without, control, lab, rounds);
    const r = await compareLoads(without, idle, lab, rounds);
    rows.push({
      group: 'page load',
      name: 'no extension (200 requests, half preflighted)',
      value: Math.round(r.baseline),
      unit: 'ms',
      note: `median of ${rounds}`,
    });
    rows.push({
      group: 'page load',
      name: 'noise floor: no extension vs no extension',
      value: aa.ratio,
      unit: '×',
    });
    rows.push({
      group: 'page load',
      name: 'idle: installed, nothing open',
      value: r.ratio,
      unit: '×',
      target: '≤ 1.02×',
      ok: r.ratio <= 1.02,
      note: `median ${Math.round(r.measured)} ms`,
    });
    if (r.failed) throw new Error(`${r.failed} bench requests failed: the bench page is broken`);
    return rows;
  } finally {
    await idle.close();
    await control.close();
    await without.close();
    await lab.close();
  }
}
