// Rows: page-load time in Firefox ESR with CORS Lens installed and idle, and capturing, against no extension and
// against the browser's own floor (the same webRequest listeners doing nothing), all sides interleaved in one run,
// medians; idle and capture over the floor again in runs of their own, with Firefoxes launched for each.
import type { Page } from 'puppeteer-core';
import { type FirefoxSession, launchFirefox } from '../../tests/harness/firefox';
import { startLabProcess } from '../../tests/harness/lab-process';
import { streamedEntries, subscribeToTab } from '../../tests/harness/panel-stream';
import { cpuRows } from './cpu-rows';
import { floorExtension } from './floor-extension';
import { EXCHANGES_PER_LOAD, interleavedLoads, type LoadSample } from './page-load';
import { countPanelTraffic, panelTrafficRow } from './panel-traffic';
import { type CpuByKind, firefoxRoots } from './process-cpu';
import { type BenchRow, median } from './table';

interface FirefoxSide {
  session: FirefoxSession;
  page: Page;
  /** The pid of its parent process, when known (process-cpu.ts). */
  root?: number;
}

/** Launches Firefox and finds its parent process among those that were not running before. */
async function launchTracked(options: Parameters<typeof launchFirefox>[0]): Promise<{
  session: FirefoxSession;
  root?: number;
}> {
  const before = firefoxRoots();
  const session = await launchFirefox(options);
  const root = [...firefoxRoots()].find((pid) => !before.has(pid));
  return root === undefined ? { session } : { session, root };
}

let run = 0;
async function load(
  side: FirefoxSide,
  pageOrigin: string,
  requests = EXCHANGES_PER_LOAD,
): Promise<LoadSample> {
  await side.page.goto(`${pageOrigin}/bench?n=${requests}&run=${run++}`);
  await side.page.waitForFunction(() => 'benchResult' in window, { timeout: 60_000 });
  return (await side.page.evaluate(
    () => (window as unknown as { benchResult: LoadSample }).benchResult,
  )) as LoadSample;
}

/**
 * No extension; CORS Lens installed with host access, no panel, no override (what every page pays while nobody
 * inspects); the floor extension; CORS Lens with a panel on the bench tab; with a panel on another tab.
 */
type SideName = 'without' | 'idle' | 'floor' | 'capture' | 'elsewhere';

/**
 * Launches one Firefox per named side, each on the bench page (`sessions` collects them, to be closed by the
 * caller); the capture side's panel subscribes to its bench tab, the elsewhere side's to another tab.
 */
async function launchSides(
  names: readonly SideName[],
  pageOrigin: string,
  sessions: FirefoxSession[],
): Promise<Record<string, FirefoxSide>> {
  const open = async ({
    session,
    root,
  }: {
    session: FirefoxSession;
    root?: number;
  }): Promise<FirefoxSide> => {
    sessions.push(session);
    const page = await session.newPage();
    await page.goto(`${pageOrigin}/bench?n=0`);
    return root === undefined ? { session, page } : { session, page, root };
  };
  const tabOf = async (side: FirefoxSide, url: string) => {
    const tabId = (await side.session.extensionPage.evaluate(
      `browser.tabs.query({}).then((tabs) => tabs.find((t) => (t.url ?? '').startsWith(${JSON.stringify(url)}))?.id)`,
    )) as number | undefined;
    if (tabId === undefined)
      throw new Error(`bench: no tab of ${url} is visible to the extension in Firefox`);
    return tabId;
  };
  const sides: Record<string, FirefoxSide> = {};
  for (const name of names) {
    if (name === 'without') sides[name] = await open(await launchTracked({ extension: false }));
    else if (name === 'floor') {
      const launched = await launchTracked({ extension: false });
      sides[name] = await open(launched);
      await launched.session.browser.installExtension(await floorExtension('firefox'));
    } else sides[name] = await open(await launchTracked({ grantHosts: true }));
  }
  const capture = sides.capture;
  if (capture) {
    await subscribeToTab(capture.session.extensionPage, await tabOf(capture, `${pageOrigin}/bench`));
    await countPanelTraffic(capture.session.extensionPage);
  }
  const elsewhere = sides.elsewhere;
  if (elsewhere) {
    const inspectedElsewhere = `${pageOrigin}/?tab=inspected-elsewhere`;
    await (await elsewhere.session.newPage()).goto(inspectedElsewhere);
    await subscribeToTab(elsewhere.session.extensionPage, await tabOf(elsewhere, inspectedElsewhere));
  }
  return sides;
}

/** interleavedLoads on Firefox sides (page-load.ts); any failed request ends the bench. */
async function compareSides(
  sides: Record<string, FirefoxSide>,
  pageOrigin: string,
  rounds: number,
): Promise<{ m: (name: string) => number; cpu: Record<string, CpuByKind> }> {
  const loadable = Object.fromEntries(
    Object.entries(sides).map(([name, side]) => [
      name,
      { load: () => load(side, pageOrigin), ...(side.root === undefined ? {} : { root: side.root }) },
    ]),
  );
  const { medians, failed, cpu } = await interleavedLoads(loadable, rounds);
  if (failed) throw new Error(`bench: ${failed} requests failed in Firefox`);
  return { m: (name) => medians[name] as number, cpu };
}

/** The capture side's panel stream holds the last load's exchanges. */
async function assertCaptured(capture: FirefoxSide): Promise<void> {
  // Firefox resolves the page's last fetch() before webRequest's last events reach the panel stream: wait for them.
  let captured = 0;
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
    captured = (await streamedEntries(capture.session.extensionPage)).length;
    if (captured >= EXCHANGES_PER_LOAD) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  if (captured < EXCHANGES_PER_LOAD)
    throw new Error(
      `bench: Firefox's panel stream holds ${captured} exchanges, expected ≥ ${EXCHANGES_PER_LOAD}`,
    );
}

/** Idle and capture over the floor again, each run with Firefoxes launched for it (overhead.ts says why). */
const FRESH_RUNS = 3;

export async function firefoxOverheadRows(rounds = 11): Promise<BenchRow[]> {
  const lab = await startLabProcess();
  const sessions: FirefoxSession[] = [];
  const closeAll = async () => {
    for (const session of sessions.splice(0).reverse()) await session.close();
  };
  try {
    const sides = await launchSides(
      ['without', 'idle', 'floor', 'capture', 'elsewhere'],
      lab.pageOrigin,
      sessions,
    );
    const capture = sides.capture as FirefoxSide;
    const { m, cpu } = await compareSides(sides, lab.pageOrigin, rounds);
    await assertCaptured(capture);
    // Counted from the subscription on: the warm-up load and each round's.
    const traffic = await panelTrafficRow(capture.session.extensionPage, {
      group: 'page load, Firefox ESR',
      loads: rounds + 1,
      exchangesPerLoad: EXCHANGES_PER_LOAD,
    });
    await closeAll();
    const idleRuns: number[] = [];
    const captureRuns: number[] = [];
    for (let run = 0; run < FRESH_RUNS; run++) {
      try {
        const fresh = await launchSides(['without', 'idle', 'floor', 'capture'], lab.pageOrigin, sessions);
        const { m: freshMedian } = await compareSides(fresh, lab.pageOrigin, rounds);
        await assertCaptured(fresh.capture as FirefoxSide);
        idleRuns.push(freshMedian('idle') / freshMedian('without'));
        captureRuns.push(freshMedian('capture') / freshMedian('floor'));
      } finally {
        await closeAll();
      }
    }
    /** `side`'s median load over `base`'s, against `target` when there is one. */
    const ratio = (name: string, side: string, base: string, target?: number, note?: string): BenchRow => ({
      group: 'page load, Firefox ESR',
      name,
      value: Math.round((m(side) / m(base)) * 1000) / 1000,
      unit: '×',
      ...(target === undefined ? {} : { target: `≤ ${target}×`, ok: m(side) / m(base) <= target }),
      ...(note === undefined ? {} : { note }),
    });
    /** The median of fresh runs' ratios, each run reported. */
    const runs = (name: string, values: number[], target: number): BenchRow => ({
      group: 'page load, Firefox ESR',
      name: `${name}, ${FRESH_RUNS} more side-by-side runs, fresh browsers each`,
      value: Math.round(median(values) * 1000) / 1000,
      unit: '×',
      target: `≤ ${target}×`,
      ok: median(values) <= target,
      note: `median of runs; each run: ${values.map((x) => `${x.toFixed(3)}×`).join(', ')}`,
    });
    return [
      {
        group: 'page load, Firefox ESR',
        name: 'no extension',
        value: Math.round(m('without')),
        unit: 'ms',
        note: `median of ${rounds}, sides interleaved`,
      },
      ratio(
        'installed, idle (no panel, no override)',
        'idle',
        'without',
        1.02,
        `median ${Math.round(m('idle'))} ms`,
      ),
      runs('idle', idleRuns, 1.02),
      ratio('floor: the same webRequest listeners, doing nothing', 'floor', 'without'),
      ratio(
        'panel open: capturing, streaming to a panel',
        'capture',
        'without',
        undefined,
        `median ${Math.round(m('capture'))} ms`,
      ),
      ratio('panel open: capture over the floor', 'capture', 'floor', 1.05),
      runs('panel open: capture over the floor', captureRuns, 1.05),
      ratio(
        'panel open on another tab: this tab',
        'elsewhere',
        'without',
        undefined,
        `median ${Math.round(m('elsewhere'))} ms: the page hook is registered for every page, and paused in tabs no panel inspects`,
      ),
      ...firefoxCpuRows(cpu),
      traffic,
    ];
  } finally {
    await closeAll();
    await lab.close();
  }
}

/** Where Firefox's time goes per load, by process, and CORS Lens's own CPU per exchange over the floor. */
function firefoxCpuRows(cpu: Record<string, CpuByKind>): BenchRow[] {
  return cpuRows(cpu, {
    group: 'CPU per page load, Firefox ESR (all processes)',
    labels: [
      ['without', 'no extension'],
      ['idle', 'CORS Lens installed, idle'],
      ['floor', 'floor: bare webRequest listeners'],
      ['capture', 'CORS Lens capturing, streaming to a panel'],
    ],
    floor: 'floor',
    capturing: 'capture',
    exchangesPerLoad: EXCHANGES_PER_LOAD,
    perLoadNote: (c) =>
      `parent process ${c.browser}, WebExtensions process ${c.extension}, page ${c.page}, socket ${c.network}, other ${c.other}`,
    perExchangeNote: (us) =>
      `parent process ${us('browser')} µs, WebExtensions process ${us('extension')} µs, page ${us('page')} µs, socket ${us('network')} µs`,
  });
}
