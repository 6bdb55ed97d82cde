// Page-load cost of the extension: the lab's bench page (200 cross-origin requests, half preflighted) loaded in
// Chromium with and without CORS Lens, alternating in the same run so machine noise hits both sides alike.
import type { ChromiumSession } from '../../tests/harness/chromium';
import type { LabProcess } from '../../tests/harness/lab-process';

type Lab = Pick<LabProcess, 'pageOrigin'>;

import { median } from './table';

export interface LoadSample {
  ms: number;
  failed: number;
}

let run = 0;
/** One load of the bench page; resolves with the time from navigation start until all requests settled. */
export async function loadBenchPage(session: ChromiumSession, lab: Lab, requests = 200): Promise<LoadSample> {
  const page = await session.newPage();
  try {
    await page.goto(`${lab.pageOrigin}/bench?n=${requests}&run=${run++}`);
    await page.waitForFunction(() => 'benchResult' in window, undefined, { timeout: 60_000 });
    return (await page.evaluate(
      () => (window as unknown as { benchResult: LoadSample }).benchResult,
    )) as LoadSample;
  } finally {
    await page.close();
  }
}

/**
 * Loads the page `rounds` times in each session, interleaved, after one warm-up each; returns the medians and
 * their ratio (with / without).
 */
export async function compareLoads(
  without: ChromiumSession,
  withExtension: ChromiumSession,
  lab: Lab,
  rounds = 7,
): Promise<{ baseline: number; measured: number; ratio: number; failed: number }> {
  await loadBenchPage(without, lab);
  await loadBenchPage(withExtension, lab);
  const a: number[] = [];
  const b: number[] = [];
  let failed = 0;
  for (let i = 0; i < rounds; i++) {
    // Alternate which side goes first: whatever the previous load left behind (GC, sockets) hits both equally.
    const first = i % 2 === 0;
    const x = first ? await loadBenchPage(without, lab) : undefined;
    const y = await loadBenchPage(withExtension, lab);
    const x2 = x ?? (await loadBenchPage(without, lab));
    a.push(x2.ms);
    b.push(y.ms);
    failed += x2.failed + y.failed;
  }
  const baseline = median(a);
  const measured = median(b);
  return { baseline, measured, ratio: measured / baseline, failed };
}
