// Rows: page-load time in Firefox ESR with CORS Lens capturing, against no extension and against the browser's own
// floor (the same webRequest listeners doing nothing), all sides interleaved in one run, medians.
import type { Page } from 'puppeteer-core';
import { type FirefoxSession, launchFirefox } from '../../tests/harness/firefox';
import { startLabProcess } from '../../tests/harness/lab-process';
import { streamedEntries, subscribeToTab } from '../../tests/harness/panel-stream';
import { floorExtension } from './floor-extension';
import type { LoadSample } from './page-load';
import { type BenchRow, median } from './table';

interface FirefoxSide {
  session: FirefoxSession;
  page: Page;
}

let run = 0;
async function load(side: FirefoxSide, pageOrigin: string, requests = 200): Promise<LoadSample> {
  await side.page.goto(`${pageOrigin}/bench?n=${requests}&run=${run++}`);
  await side.page.waitForFunction(() => 'benchResult' in window, { timeout: 60_000 });
  return (await side.page.evaluate(
    () => (window as unknown as { benchResult: LoadSample }).benchResult,
  )) as LoadSample;
}

export async function firefoxOverheadRows(rounds = 7): Promise<BenchRow[]> {
  const lab = await startLabProcess();
  const sessions: FirefoxSession[] = [];
  const open = async (session: FirefoxSession): Promise<FirefoxSide> => {
    sessions.push(session);
    const page = await session.newPage();
    await page.goto(`${lab.pageOrigin}/bench?n=0`);
    return { session, page };
  };
  try {
    const floorSession = await launchFirefox({ extension: false });
    await floorSession.browser.installExtension(await floorExtension('firefox'));
    const sides: Record<string, FirefoxSide> = {
      without: await open(await launchFirefox({ extension: false })),
      floor: await open(floorSession),
      capture: await open(await launchFirefox({ grantHosts: true })),
    };
    const capture = sides.capture as FirefoxSide;
    const tabId = (await capture.session.extensionPage.evaluate(
      `browser.tabs.query({}).then((tabs) => tabs.find((t) => (t.url ?? '').startsWith('${lab.pageOrigin}/bench'))?.id)`,
    )) as number | undefined;
    if (tabId === undefined)
      throw new Error('bench: the bench tab is not visible to the extension in Firefox');
    await subscribeToTab(capture.session.extensionPage, tabId);
    const names = Object.keys(sides);
    for (const name of names) await load(sides[name] as FirefoxSide, lab.pageOrigin);
    const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let i = 0; i < rounds; i++) {
      for (const name of names.map((_, k) => names[(k + i) % names.length] as string)) {
        const sample = await load(sides[name] as FirefoxSide, lab.pageOrigin);
        if (sample.failed) throw new Error(`bench: ${sample.failed} requests failed in Firefox (${name})`);
        samples[name]?.push(sample.ms);
      }
    }
    // Firefox resolves the page's last fetch() before webRequest's last events reach the panel stream: wait for them.
    let captured = 0;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
      captured = (await streamedEntries(capture.session.extensionPage)).length;
      if (captured >= 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    if (captured < 200)
      throw new Error(`bench: Firefox's panel stream holds ${captured} exchanges, expected ≥ 200`);
    const m = (name: string) => median(samples[name] ?? []);
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    return [
      {
        group: 'page load, Firefox ESR',
        name: 'no extension',
        value: Math.round(m('without')),
        unit: 'ms',
        note: `median of ${rounds}, sides interleaved`,
      },
      {
        group: 'page load, Firefox ESR',
        name: 'floor: the same webRequest listeners, doing nothing',
        value: r3(m('floor') / m('without')),
        unit: '×',
      },
      {
        group: 'page load, Firefox ESR',
        name: 'panel open: capturing, streaming to a panel',
        value: r3(m('capture') / m('without')),
        unit: '×',
        note: `median ${Math.round(m('capture'))} ms`,
      },
      {
        group: 'page load, Firefox ESR',
        name: 'panel open: capture over the floor',
        value: r3(m('capture') / m('floor')),
        unit: '×',
        target: '≤ 1.05×',
        ok: m('capture') / m('floor') <= 1.05,
      },
    ];
  } finally {
    for (const session of sessions.reverse()) await session.close();
    await lab.close();
  }
}
