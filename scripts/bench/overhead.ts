// Rows: page-load time with CORS Lens relative to no extension, per extension state, all measured side by side in
// one run; and the CPU cost of capturing one exchange.
import type { Page } from 'playwright-core';
import type { ChromiumOptions, ChromiumSession } from '../../tests/harness/chromium';
import { type LabProcess, startLabProcess } from '../../tests/harness/lab-process';
import { streamCounters, streamedEntries, subscribeToTab } from '../../tests/harness/panel-stream';
import { captureCostPerExchange, mirrorWriteKiB } from './capture-cost';
import { cpuRows } from './cpu-rows';
import { floorExtension, permissionOnlyExtension } from './floor-extension';
import { harProbeExtension } from './har-probe';
import { compareSides, EXCHANGES_PER_LOAD, type Side, sideLauncher } from './page-load';
import { countPanelTraffic, panelTrafficRow } from './panel-traffic';
import type { CpuByKind } from './process-cpu';
import { type BenchRow, median } from './table';

/**
 * Panel open: a stream port subscribed to the bench tab (or to the tab showing `inspectedUrl`), exactly as the
 * DevTools panel subscribes.
 */
async function openPanelOn(
  side: Side,
  pageOrigin: string,
  inspectedUrl = `${pageOrigin}/bench`,
): Promise<Page> {
  const ext = await side.session.openExtensionPage('src/welcome/index.html');
  const tabId = (await ext.evaluate(
    `chrome.tabs.query({}).then((tabs) => tabs.find((t) => (t.url ?? '').startsWith(${JSON.stringify(inspectedUrl)}))?.id)`,
  )) as number | undefined;
  if (tabId === undefined) throw new Error(`bench: no tab of ${inspectedUrl} is visible to the extension`);
  await subscribeToTab(ext, tabId);
  await countPanelTraffic(ext);
  // As the panel does (connect-panel-source.ts): a heartbeat keeps the service worker running while it is open.
  await ext.evaluate(
    `setInterval(() => window.__corsLensPort?.postMessage({ type: 'heartbeat' }), ${PANEL_HEARTBEAT_MS})`,
  );
  return ext;
}

/**
 * The panel side really captured: its stream holds the last load's exchanges, from one worker all along (a worker
 * restarted between loads would measure its restarts, which a real panel's heartbeat prevents).
 */
async function assertCaptured(panel: Page): Promise<void> {
  const captured = (await streamedEntries(panel)).length;
  if (captured < EXCHANGES_PER_LOAD)
    throw new Error(`bench: the panel stream holds ${captured} exchanges, expected ≥ ${EXCHANGES_PER_LOAD}`);
  const { disconnects } = await streamCounters(panel);
  if (disconnects > 0)
    throw new Error(`bench: the panel stream was cut ${disconnects} times: the worker restarted`);
}

/** Chromium's flags that load one unpacked extension alone. */
const extensionArgs = (dir: string) => [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];

/** The panel's heartbeat period (src/panel/connect-panel-source.ts). */
const PANEL_HEARTBEAT_MS = 20_000;

/** Override active: one rule in force, for a target the bench page never calls (the DNR rule's cost alone). */
async function activateUnrelatedOverride(session: ChromiumSession): Promise<void> {
  const ext = await session.openExtensionPage('src/welcome/index.html');
  const result = (await ext.evaluate(`chrome.runtime.sendMessage({
    type: 'rules/allow', pageOrigin: 'http://localhost:5173', target: 'http://api.unrelated.test',
  })`)) as { ok: boolean; errors?: unknown };
  if (!result.ok) throw new Error(`bench: the override was refused: ${JSON.stringify(result.errors)}`);
  const rules = (await ext.evaluate('chrome.declarativeNetRequest.getSessionRules()')) as unknown[];
  const dynamic = (await ext.evaluate('chrome.declarativeNetRequest.getDynamicRules()')) as unknown[];
  if (rules.length + dynamic.length === 0) throw new Error('bench: the override installed no DNR rule');
  await ext.close();
}

/**
 * Where the time goes, per load: each browser's CPU by process during its own loads (and the second after each),
 * the other browsers idle meanwhile. The panel's excess over the floor is CORS Lens's own work; the floor's excess
 * over no extension is the browser's.
 */
function chromiumCpuRows(cpu: Record<string, CpuByKind>): BenchRow[] {
  return cpuRows(cpu, {
    group: 'CPU per page load (all processes of the browser)',
    labels: [
      ['without', 'no extension'],
      ['dnrOnly', 'an extension holding only declarativeNetRequestWithHostAccess'],
      ['idle', 'CORS Lens idle'],
      ['floor', 'floor: bare webRequest listeners'],
      ['panel', 'CORS Lens capturing, streaming to a panel'],
    ],
    floor: 'floor',
    capturing: 'panel',
    exchangesPerLoad: EXCHANGES_PER_LOAD,
    perLoadNote: (c) =>
      `browser process ${c.browser}, extension process ${c.extension} (service-worker threads ${c.extensionWorker}), page ${c.page}, network ${c.network}, other ${c.other}`,
    perExchangeNote: (us) =>
      `browser process ${us('browser')} µs, extension process ${us('extension')} µs (of it the service worker's thread ${us('extensionWorker')} µs), page ${us('page')} µs`,
  });
}

/**
 * Idle and capture over the floor are measured again in several side-by-side runs, each reported, each with browsers
 * launched for it: two browsers with identical code read up to 7% apart in one run (the noise floor row), and
 * loading the same browsers again repeats whatever one instance has against the other.
 */
const IDLE_RUNS = 3;
const CAPTURE_RUNS = 5;

/** `measure` on browsers launched by `launchSides` for it alone, closed after: one fresh run. */
async function freshRun<T>(
  lab: LabProcess,
  launchSides: (launch: (options: ChromiumOptions) => Promise<Side>) => Promise<Record<string, Side>>,
  measure: (sides: Record<string, Side>) => Promise<T>,
): Promise<T> {
  const { launch, closeAll } = sideLauncher(lab);
  try {
    return await measure(await launchSides(launch));
  } finally {
    await closeAll();
  }
}

export async function overheadRows(rounds = 9): Promise<BenchRow[]> {
  const lab = await startLabProcess();
  const probe = await harProbeExtension();
  const floor = await floorExtension('chrome');
  const floorOtherTab = await floorExtension('chrome', true);
  const permissionOnly = await permissionOnlyExtension('webrequest', ['webRequest']);
  // CORS Lens's one required permission that touches requests: what overrides need, in force or not.
  const dnrOnly = await permissionOnlyExtension('dnr', ['declarativeNetRequestWithHostAccess']);
  const { launch, closeAll } = sideLauncher(lab);
  try {
    const sides: Record<string, Side> = {
      without: await launch({ extension: false }),
      // The noise floor: a second identical browser without the extension. Ratios closer to 1 are noise.
      control: await launch({ extension: false }),
      idle: await launch({}),
      // What idle costs in Chromium without CORS Lens: an extension holding only the webRequest permission.
      permissionOnly: await launch({
        extension: false,
        extraArgs: extensionArgs(permissionOnly),
      }),
      dnrOnly: await launch({
        extension: false,
        extraArgs: extensionArgs(dnrOnly),
      }),
      // The browser's own floor for capture: the same webRequest listeners, doing nothing.
      floor: await launch({
        extension: false,
        extraArgs: extensionArgs(floor),
      }),
      panel: await launch({ grantHosts: true }),
      // A panel open on another tab: the bench tab is not inspected (its hook is registered, and paused).
      elsewhere: await launch({ grantHosts: true }),
      // The browser's floor for it: the same bare listeners, filtered to another tab.
      floorOtherTab: await launch({
        extension: false,
        extraArgs: extensionArgs(floorOtherTab),
      }),
      override: await launch({ grantHosts: true }),
      // A panel is only ever open inside DevTools, which costs page-load time of its own: the same states again
      // with DevTools open on the bench tab, against DevTools open without the extension.
      devtools: await launch({ extension: false, devtools: true }),
      devtoolsPanel: await launch({ grantHosts: true, devtools: true }),
      devtoolsHar: await launch({
        extension: false,
        devtools: true,
        extraArgs: extensionArgs(probe),
      }),
    };
    const panel = await openPanelOn(sides.panel as Side, lab.pageOrigin);
    const devtoolsPanel = await openPanelOn(sides.devtoolsPanel as Side, lab.pageOrigin);
    const inspectedElsewhere = `${lab.pageOrigin}/?tab=inspected-elsewhere`;
    await (await (sides.elsewhere as Side).session.newPage()).goto(inspectedElsewhere);
    await openPanelOn(sides.elsewhere as Side, lab.pageOrigin, inspectedElsewhere);
    await activateUnrelatedOverride((sides.override as Side).session);
    const r = await compareSides(sides, 'without', lab, rounds, true);
    const cpu = r.cpu;
    if (r.failed) throw new Error(`${r.failed} bench requests failed: the bench page is broken`);
    // Counted now, from the subscription on: the warm-up load and each round's.
    const traffic = await panelTrafficRow(panel, {
      group: 'capture',
      loads: rounds + 1,
      exchangesPerLoad: EXCHANGES_PER_LOAD,
    });
    for (const page of [panel, devtoolsPanel]) await assertCaptured(page);
    // The HAR probe saw the bench's requests (at least one load's 200 requests and 100 preflights).
    const harWorker = (sides.devtoolsHar as Side).session.context.serviceWorkers()[0];
    const harEntries = Number(await harWorker?.evaluate('self.entries'));
    if (!(harEntries >= 300))
      throw new Error(`bench: the HAR probe saw ${harEntries} entries, expected ≥ 300`);
    // The runs below launch browsers of their own: the main run's are closed, so that none competes with them.
    await closeAll();
    const idleRuns: number[] = [];
    const dnrRuns: number[] = [];
    for (let run = 0; run < IDLE_RUNS; run++) {
      const { ratios } = await freshRun(
        lab,
        async (launchSide) => ({
          without: await launchSide({ extension: false }),
          idle: await launchSide({}),
          dnrOnly: await launchSide({ extension: false, extraArgs: extensionArgs(dnrOnly) }),
        }),
        (fresh) => compareSides(fresh, 'without', lab, rounds),
      );
      idleRuns.push(ratios.idle as number);
      dnrRuns.push(ratios.dnrOnly as number);
    }
    const captureRuns: number[] = [];
    for (let run = 0; run < CAPTURE_RUNS; run++) {
      let freshPanel: Page | undefined;
      const { medians } = await freshRun(
        lab,
        async (launchSide) => {
          const fresh = {
            without: await launchSide({ extension: false }),
            floor: await launchSide({ extension: false, extraArgs: extensionArgs(floor) }),
            panel: await launchSide({ grantHosts: true }),
          };
          freshPanel = await openPanelOn(fresh.panel, lab.pageOrigin);
          return fresh;
        },
        async (fresh) => {
          const compared = await compareSides(fresh, 'without', lab, rounds);
          await assertCaptured(freshPanel as Page);
          return compared;
        },
      );
      captureRuns.push((medians.panel as number) / (medians.floor as number));
    }
    const vsDevtools = (name: string) =>
      Math.round(((r.medians[name] as number) / (r.medians.devtools as number)) * 1000) / 1000;
    const ms = (name: string) => Math.round(r.medians[name] as number);
    const ratio = (name: string) => Math.round((r.ratios[name] as number) * 1000) / 1000;
    const cost = captureCostPerExchange();
    const mirror = mirrorWriteKiB();
    return [
      {
        group: 'page load',
        name: 'no extension (200 requests, half preflighted)',
        value: ms('without'),
        unit: 'ms',
        note: `median of ${rounds}, all states interleaved`,
      },
      {
        group: 'page load',
        name: 'noise floor: no extension vs no extension',
        value: ratio('control'),
        unit: '×',
      },
      {
        group: 'page load',
        name: 'idle: installed, nothing open',
        value: ratio('idle'),
        unit: '×',
        target: '≤ 1.02×',
        ok: ratio('idle') <= 1.02,
        note: `median ${ms('idle')} ms`,
      },
      {
        group: 'page load',
        name: `idle, ${IDLE_RUNS} more side-by-side runs, fresh browsers each`,
        value: Math.round(median(idleRuns) * 1000) / 1000,
        unit: '×',
        target: '≤ 1.02×',
        ok: median(idleRuns) <= 1.02,
        note: `median of runs; each run: ${idleRuns.map((x) => `${x.toFixed(3)}×`).join(', ')}; the same runs, an extension holding only declarativeNetRequestWithHostAccess: ${dnrRuns.map((x) => `${x.toFixed(3)}×`).join(', ')}`,
      },
      {
        group: 'page load',
        name: 'another extension holding only declarativeNetRequestWithHostAccess',
        value: ratio('dnrOnly'),
        unit: '×',
        note: `median ${ms('dnrOnly')} ms: the permission overrides need; Chromium proxies every request once any extension holds it`,
      },
      {
        group: 'page load',
        name: 'another extension holding only the webRequest permission',
        value: ratio('permissionOnly'),
        unit: '×',
        note: `median ${ms('permissionOnly')} ms: Chromium proxies every request once any extension holds it`,
      },
      {
        group: 'page load',
        name: 'floor: the same webRequest listeners, doing nothing',
        value: ratio('floor'),
        unit: '×',
        note: `median ${ms('floor')} ms: the browser's own cost of capture`,
      },
      {
        group: 'page load',
        name: 'panel open: capture over the floor',
        value: Math.round(((r.medians.panel as number) / (r.medians.floor as number)) * 1000) / 1000,
        unit: '×',
        target: '≤ 1.05×',
        ok: (r.medians.panel as number) / (r.medians.floor as number) <= 1.05,
        note: 'CORS Lens’s own work, same run',
      },
      {
        group: 'page load',
        name: `panel open: capture over the floor, ${CAPTURE_RUNS} more side-by-side runs, fresh browsers each`,
        value: Math.round(median(captureRuns) * 1000) / 1000,
        unit: '×',
        target: '≤ 1.05×',
        ok: median(captureRuns) <= 1.05,
        note: `median of runs; each run: ${captureRuns.map((x) => `${x.toFixed(3)}×`).join(', ')}`,
      },
      {
        group: 'page load',
        name: 'panel open: capturing, streaming to a panel',
        value: ratio('panel'),
        unit: '×',
        target: '≤ 1.15×',
        ok: ratio('panel') <= 1.15,
        note: `median ${ms('panel')} ms`,
      },
      {
        group: 'page load',
        name: 'panel open on another tab: this tab',
        value: ratio('elsewhere'),
        unit: '×',
        note: `median ${ms('elsewhere')} ms; the browser's floor for it (bare listeners filtered to another tab) ${ratio('floorOtherTab')}×, idle ${ratio('idle')}×: listeners filtered to one tab still cost the others; CORS Lens's hook is registered for every page, and paused in tabs no panel inspects`,
      },
      {
        group: 'page load',
        name: 'override active: one rule, unrelated host',
        value: ratio('override'),
        unit: '×',
        target: '≤ 1.12×',
        ok: ratio('override') <= 1.12,
        note: `median ${ms('override')} ms`,
      },
      {
        group: 'page load, DevTools open',
        name: 'no extension, DevTools open (this group’s baseline)',
        value: ms('devtools'),
        unit: 'ms',
        note: `${ratio('devtools')}× the no-DevTools baseline`,
      },
      {
        group: 'page load, DevTools open',
        name: 'panel open: capturing with webRequest',
        value: vsDevtools('devtoolsPanel'),
        unit: '×',
        target: '≤ 1.15×',
        ok: vsDevtools('devtoolsPanel') <= 1.15,
        note: `median ${ms('devtoolsPanel')} ms`,
      },
      {
        group: 'page load, DevTools open',
        name: 'alternative: a bare devtools.network HAR listener',
        value: vsDevtools('devtoolsHar'),
        unit: '×',
        note: `median ${ms('devtoolsHar')} ms; ${harEntries} entries seen`,
      },
      ...chromiumCpuRows(cpu),
      traffic,
      {
        group: 'capture',
        name: 'CPU per exchange: assembler + verdict + log (Node)',
        value: Math.round(cost.us * 10) / 10,
        unit: 'µs',
        note: 'bench mix: half simple GETs, half preflighted PUTs',
      },
      {
        group: 'capture',
        name: 'log mirror: one write on a busy tab (Node)',
        value: Math.round(mirror.delta),
        unit: 'KiB',
        note: `200 new exchanges in a log full to its 3 MiB (${mirror.rows} rows); the whole log, as written before: ${Math.round(mirror.whole)} KiB`,
      },
    ];
  } finally {
    await closeAll();
    await lab.close();
  }
}
