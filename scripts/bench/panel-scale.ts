// Rows: the DevTools panel at scale, in real Chromium — 10,000 exchanges from the demo source: the first render,
// a filter keystroke, a selection, and the panel page's JS heap. Run alone with `npx tsx scripts/bench/panel-scale.ts`.
//
// Every time is measured inside the page. First render: from the moment the snapshot reached the panel to the first
// task after the frame that shows the rows. Keystroke and selection: from the input event's timestamp until its
// handlers, the re-render and a forced style + layout are done — the work that must fit in one frame; the time to
// the next produced frame (which adds up to 16.7 ms of waiting for vsync) is given in the note. Medians over
// fresh panel pages.
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { DEMO_SNAPSHOT_MARK } from '../../src/panel/demo-source';
import { type ChromiumSession, launchChromium } from '../../tests/harness/chromium';
import { type BenchRow, formatTable, median } from './table';

const ROWS = 10_000;
const RUNS = 7;
const FILTER_TEXT = 'orders';
const ARROW_STEPS = 10;

/** Installed before the panel's own scripts: records when the first rows were painted and each input's cost. */
const INSTRUMENT = `(() => {
  try { localStorage.clear(); } catch {}
  const scale = { firstRowsPainted: undefined, inputs: [] };
  window.__scale = scale;
  const afterFrame = (done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(0);
  });
  const watch = new MutationObserver(() => {
    if (!document.querySelector('.grid-body .row')) return;
    watch.disconnect();
    afterFrame((t) => { scale.firstRowsPainted = t; });
  });
  watch.observe(document, { childList: true, subtree: true });
  // work: the event's timestamp → its handlers, the re-render and a forced style + layout are done (what must
  // fit in a frame); frame: the event's timestamp → the next frame was produced (adds the wait for vsync).
  for (const type of ['keydown', 'click']) {
    addEventListener(type, (event) => {
      const start = event.timeStamp;
      setTimeout(() => {
        document.body.getBoundingClientRect();
        const work = performance.now() - start;
        afterFrame((t) => scale.inputs.push({ type, key: event.key ?? '', ms: work, frameMs: t - start }));
      }, 0);
    }, true);
  }
})()`;

interface Inputs {
  type: string;
  key: string;
  ms: number;
  frameMs: number;
}

interface RunResult {
  firstRenderMs: number;
  keystrokeMs: number[];
  clickSelectMs: number[];
  arrowSelectMs: number[];
  /** Event → next frame, for the notes. */
  frameMs: { keystroke: number[]; click: number[]; arrow: number[] };
  heapMb: number;
}

const takeInputs = (page: Page) =>
  page.evaluate(() => {
    const scale = (window as unknown as { __scale: { inputs: Inputs[] } }).__scale;
    return scale.inputs.splice(0);
  });

/** Waits until every input so far has been measured (its frame came). */
async function settle(page: Page, count: number): Promise<Inputs[]> {
  await page.waitForFunction(
    (n) => (window as unknown as { __scale: { inputs: unknown[] } }).__scale.inputs.length >= n,
    count,
  );
  return takeInputs(page);
}

async function oneRun(session: ChromiumSession): Promise<RunResult> {
  const page = await session.newPage();
  await page.addInitScript(INSTRUMENT);
  await page.goto(session.extensionUrl(`src/panel/index.html?tab=1&source=demo&rows=${ROWS}&theme=light`));
  await page.waitForFunction(
    () => (window as unknown as { __scale: { firstRowsPainted?: number } }).__scale.firstRowsPainted,
  );
  const firstRenderMs = await page.evaluate((mark) => {
    const at = performance.getEntriesByName(mark)[0]?.startTime;
    const painted = (window as unknown as { __scale: { firstRowsPainted: number } }).__scale.firstRowsPainted;
    if (at === undefined) throw new Error('the demo source set no snapshot mark');
    return painted - at;
  }, DEMO_SNAPSHOT_MARK);
  const total = await page.locator('.counts').textContent();
  if (!total?.startsWith(`${ROWS} requests`))
    throw new Error(`bench: the panel shows "${total}", not ${ROWS} requests`);
  await takeInputs(page);

  // A filter keystroke: type a word letter by letter, then delete it (back to all 10,000 rows each time).
  const filter = page.getByLabel('Filter by URL, host or reason');
  await filter.click();
  await settle(page, 1);
  for (const char of FILTER_TEXT) {
    await page.keyboard.press(char);
    await page.waitForTimeout(50);
  }
  for (const _ of FILTER_TEXT) {
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(50);
  }
  const keyInputs = await settle(page, FILTER_TEXT.length * 2);
  const keystrokes = keyInputs.map((i) => i.ms);
  if ((await filter.inputValue()) !== '') throw new Error('bench: the filter was not cleared');

  // A selection: click rows (opens the detail pane), then walk down with the arrow key, detail open.
  const clickInputs: Inputs[] = [];
  // Rows fully in view (the DOM also holds overscan rows above and below, which a click would first scroll to).
  const inView = await page.evaluate(() => {
    const grid = document.querySelector('.grid')?.getBoundingClientRect();
    const rows = [...document.querySelectorAll<HTMLElement>('.grid-body .row')];
    return rows
      .filter((row) => {
        const r = row.getBoundingClientRect();
        return grid && r.top >= grid.top + 30 && r.bottom <= grid.bottom - 30;
      })
      .map((row) => row.dataset.id as string);
  });
  if (inView.length < 10) throw new Error(`bench: only ${inView.length} rows in view`);
  for (let i = 0; i < 5; i++) {
    await page.locator(`.grid-body .row[data-id="${inView[i * 2]}"]`).click();
    clickInputs.push(...(await settle(page, 1)).filter((x) => x.type === 'click'));
    await page.waitForTimeout(50);
  }
  await page.getByRole('grid').focus();
  for (let i = 0; i < ARROW_STEPS; i++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(50);
  }
  const arrowInputs = (await settle(page, ARROW_STEPS)).filter((x) => x.key === 'ArrowDown');
  if ((await page.locator('aside.detail').count()) !== 1)
    throw new Error('bench: no detail pane after selecting');

  const cdp = await session.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  await page.close();
  return {
    firstRenderMs,
    keystrokeMs: keystrokes,
    clickSelectMs: clickInputs.map((x) => x.ms),
    arrowSelectMs: arrowInputs.map((x) => x.ms),
    frameMs: {
      keystroke: keyInputs.map((x) => x.frameMs),
      click: clickInputs.map((x) => x.frameMs),
      arrow: arrowInputs.map((x) => x.frameMs),
    },
    heapMb: usedSize / 1024 / 1024,
  };
}

export async function panelScaleRows(): Promise<BenchRow[]> {
  const session = await launchChromium();
  try {
    await oneRun(session); // warm-up: the browser's code caches, not the panel's state (each run is a new page)
    const runs: RunResult[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(session));
    const firstRender = median(runs.map((r) => r.firstRenderMs));
    const keystroke = median(runs.flatMap((r) => r.keystrokeMs));
    const click = median(runs.flatMap((r) => r.clickSelectMs));
    const arrow = median(runs.flatMap((r) => r.arrowSelectMs));
    const heap = median(runs.map((r) => r.heapMb));
    const worstKey = Math.max(...runs.flatMap((r) => r.keystrokeMs));
    const round = (n: number) => Math.round(n * 10) / 10;
    const toFrame = (pick: (r: RunResult) => number[]) =>
      `event → next frame ${round(median(runs.flatMap(pick)))} ms (median, includes the wait for vsync)`;
    const group = 'panel (10,000 exchanges)';
    return [
      {
        group,
        name: 'first render (snapshot → rows painted)',
        value: round(firstRender),
        unit: 'ms',
        target: '≤ 100 ms',
        ok: firstRender <= 100,
        // Wall-clock times on a shared machine: the load says how much of a figure may be other processes.
        note: `median of ${RUNS} fresh panel pages; load average ${loadavg()[0]?.toFixed(2)} on ${cpus().length} cores`,
      },
      {
        group,
        name: 'filter keystroke (key → re-rendered, laid out)',
        value: round(keystroke),
        unit: 'ms',
        target: '≤ 16 ms',
        ok: keystroke <= 16,
        note: `median of ${runs.length * FILTER_TEXT.length * 2} keystrokes, worst ${round(worstKey)} ms; ${toFrame((r) => r.frameMs.keystroke)}`,
      },
      {
        group,
        name: 'selection, click (opens detail)',
        value: round(click),
        unit: 'ms',
        target: '≤ 16 ms',
        ok: click <= 16,
        note: toFrame((r) => r.frameMs.click),
      },
      {
        group,
        name: 'selection, ↓ key (detail open)',
        value: round(arrow),
        unit: 'ms',
        target: '≤ 16 ms',
        ok: arrow <= 16,
        note: toFrame((r) => r.frameMs.arrow),
      },
      {
        group,
        name: 'panel page JS heap after use',
        value: round(heap),
        unit: 'MB',
        target: '≤ 60 MB',
        ok: heap <= 60,
        note: 'after GC, CDP Runtime.getHeapUsage',
      },
    ];
  } finally {
    await session.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await panelScaleRows();
  console.log(formatTable(rows));
  for (const row of rows) if (row.note) console.log(`${row.name}: ${row.note}`);
}
