// Page-load cost of the extension: the lab's bench page (200 cross-origin requests, half preflighted) loaded in
// Chromium without CORS Lens and with it in each state, all sides interleaved in the same run so that machine
// noise hits every side alike.
import type { Page } from 'playwright-core';
import { type ChromiumOptions, type ChromiumSession, launchChromium } from '../../tests/harness/chromium';
import type { LabProcess } from '../../tests/harness/lab-process';
import { addCpu, type CpuByKind, chromiumRoots, cpuByKind, cpuSince } from './process-cpu';
import { median } from './table';

type Lab = Pick<LabProcess, 'pageOrigin'>;

export interface LoadSample {
  ms: number;
  failed: number;
}

/** One browser under test; `page` is the tab every load navigates (a panel may be watching it). */
export interface Side {
  session: ChromiumSession;
  page: Page;
  /** The pid of its browser process (process-cpu.ts), when known. */
  root?: number;
}

export async function openSide(session: ChromiumSession, lab: Lab): Promise<Side> {
  const page = await session.newPage();
  await page.goto(`${lab.pageOrigin}/bench?n=0`);
  return { session, page };
}

/**
 * Launches one browser per side, each on the bench page; `closeAll` closes those still open, the last launched first.
 */
export function sideLauncher(lab: Lab): {
  launch(options: ChromiumOptions): Promise<Side>;
  closeAll(): Promise<void>;
} {
  const sessions: ChromiumSession[] = [];
  return {
    async launch(options) {
      const before = chromiumRoots();
      const session = await launchChromium(options);
      sessions.push(session);
      const root = [...chromiumRoots()].find((pid) => !before.has(pid));
      return { ...(await openSide(session, lab)), ...(root === undefined ? {} : { root }) };
    },
    async closeAll() {
      for (const session of sessions.splice(0).reverse()) await session.close();
    },
  };
}

/** The bench page's exchanges per load (tests/lab: /bench?n=200, half of them preflighted). */
export const EXCHANGES_PER_LOAD = 200;

let run = 0;
/** One load of the bench page in the side's tab: the time from navigation start until all requests settled. */
export async function loadBenchPage(
  side: Side,
  lab: Lab,
  requests = EXCHANGES_PER_LOAD,
): Promise<LoadSample> {
  await side.page.goto(`${lab.pageOrigin}/bench?n=${requests}&run=${run++}`);
  await side.page.waitForFunction(() => 'benchResult' in window, undefined, { timeout: 60_000 });
  return (await side.page.evaluate(
    () => (window as unknown as { benchResult: LoadSample }).benchResult,
  )) as LoadSample;
}

export interface Comparison {
  /** Median load time per side, ms. */
  medians: Record<string, number>;
  /** Median of each side over the baseline side's median. */
  ratios: Record<string, number>;
  failed: number;
  /** With `measureCpu`: each side's CPU per load, by kind of process, over its own loads only. */
  cpu: Record<string, CpuByKind>;
}

/**
 * After each load, the time its browser gets to finish what the load started (events still queued, messages to the
 * panel, CORS Lens's one-second mirror write) before the next side loads: left running into the next side's load,
 * one side's work would count against another.
 */
const SETTLE_MS = 1_100;

/**
 * A side as the interleaving sees it, in either browser: one load of the bench page, and its browser's pid when its
 * CPU is measured.
 */
export interface LoadableSide {
  load(): Promise<LoadSample>;
  root?: number;
}

/**
 * Loads the page `rounds` times on every side, after one warm-up each. Each round visits every side once, in an
 * order rotated per round, so that whatever a load leaves behind (GC, sockets) hits each side equally. Each side's
 * median load, the requests that failed, and the CPU of each side with a `root` over its own loads and the settling
 * after each (the other browsers idle meanwhile).
 */
export async function interleavedLoads(
  sides: Record<string, LoadableSide>,
  rounds: number,
): Promise<Omit<Comparison, 'ratios'>> {
  const names = Object.keys(sides);
  for (const name of names) await (sides[name] as LoadableSide).load();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  let failed = 0;
  const cpu: Record<string, CpuByKind> = {};
  for (let i = 0; i < rounds; i++) {
    const order = names.map((_, k) => names[(k + i) % names.length] as string);
    for (const name of order) {
      const { load, root } = sides[name] as LoadableSide;
      const before = root === undefined ? undefined : cpuByKind(root);
      const sample = await load();
      samples[name]?.push(sample.ms);
      failed += sample.failed;
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      if (root === undefined || before === undefined) continue;
      const used = cpuSince(before, cpuByKind(root), rounds);
      const sum = cpu[name];
      cpu[name] = sum ? addCpu(sum, used) : used;
    }
  }
  const medians = Object.fromEntries(names.map((n) => [n, median(samples[n] ?? [])]));
  return { medians, failed, cpu };
}

/** interleavedLoads on Chromium sides, each side's median over the baseline side's too. */
export async function compareSides(
  sides: Record<string, Side>,
  baseline: string,
  lab: Lab,
  rounds = 7,
  measureCpu = false,
): Promise<Comparison> {
  const loadable = Object.fromEntries(
    Object.entries(sides).map(([name, side]) => [
      name,
      {
        load: () => loadBenchPage(side, lab),
        ...(measureCpu && side.root !== undefined ? { root: side.root } : {}),
      },
    ]),
  );
  const { medians, failed, cpu } = await interleavedLoads(loadable, rounds);
  const base = medians[baseline] as number;
  const ratios = Object.fromEntries(Object.keys(sides).map((n) => [n, (medians[n] as number) / base]));
  return { medians, ratios, failed, cpu };
}
