// `npm start`: build, start the CORS lab, and show the real product on it — the CORS panel inside the browser's own
// DevTools and the toolbar popup — in a freshly installed extension, as a new user gets it.
// - With a display: Chromium (or Firefox ESR with `npm start -- --firefox`) opens on the lab page with DevTools
//   docked and the CORS panel selected; Ctrl-C (or closing the browser) stops everything.
// - Without one, with Xvfb installed: each browser runs on a virtual screen, the first run is walked (Start
//   capturing, the browser's prompt answered), every lab scenario runs, and the real DevTools panel with a blocked
//   request selected and the popup are photographed into out/; a report is printed.
// - Without either: headless Chromium clicks through the scenarios and saves out/lab.png.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { launchChromium } from '../tests/harness/chromium';
import { attachDisplay, type Display, startDisplay } from '../tests/harness/display';
import { startCapturing } from '../tests/harness/first-run';
import { type EvaluatingPage, openLabPage, runAllLabScenarios } from '../tests/harness/lab-page';
import { launchRealBrowser } from '../tests/harness/launch-real-browser';
import { panelRows } from '../tests/harness/panel-rows';
import { outDir } from '../tests/harness/paths';
import { type BrowserName, type RealBrowser, until } from '../tests/harness/real-browser';
import { chromiumPublicPageArgs } from '../tests/lab/local-network-flags.mjs';
import { type Lab, startLab } from '../tests/lab/server.mjs';
import { check, run } from './run.mjs';

check(await run(process.execPath, ['scripts/build.mjs']), 'build');

const only: BrowserName | undefined = process.argv.includes('--firefox')
  ? 'firefox'
  : process.argv.includes('--chromium')
    ? 'chromium'
    : undefined;
const screen = process.env.DISPLAY && !process.env.CI ? process.env.DISPLAY : undefined;

const cleanups: (() => Promise<unknown>)[] = [];
let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(130));
process.on('SIGTERM', () => void stop(143));

/** The lab's scenarios with what the page saw, one line each; the number the browser decided unexpectedly. */
async function report(name: string, page: EvaluatingPage): Promise<number> {
  const results = await runAllLabScenarios(page);
  const scenarios = (await page.evaluate('window.lab.scenarios')) as { name: string; expect: string }[];
  console.log(`\n${name}: scenario                 Expected  Browser said`);
  let surprises = 0;
  for (const { name: scenario, expect } of scenarios) {
    const said = results[scenario]?.allowed ? 'allowed' : 'blocked';
    if (said !== expect) surprises++;
    console.log(
      `  ${scenario.padEnd(33)}${expect.padEnd(10)}${said}${said === expect ? '' : '  ← unexpected'}`,
    );
  }
  return surprises;
}

/** On a virtual screen: the first run walked, the lab run, the panel and the popup photographed. */
async function photograph(name: BrowserName, lab: Lab): Promise<number> {
  const display = await startDisplay();
  cleanups.push(() => display.close());
  const browser = await launchRealBrowser(name, display);
  cleanups.push(() => browser.close());
  await openLabPage(browser.labTab, lab.pageOrigin);
  const panel = await browser.openDevtoolsPanel();
  await startCapturing(browser, panel);
  const surprises = await report(name, browser.labTab);
  // A blocked request selected, its verdict and fix beside the log: what a developer comes for.
  const row = await until('the blocked preflight among the rows', async () =>
    (await panelRows(panel)).find((r) => r.scenario === 'json-put-preflight'),
  );
  await panel.click(`.row[data-id="${row.id}"]`);
  await until('the detail pane', async () => (await panel.count('aside.detail')) > 0);
  await new Promise((r) => setTimeout(r, 500)); // drawn before it is photographed
  await display.screenshot(`${outDir}/panel-devtools-${name}.png`);
  // The popup for the lab tab: the target its requests went to, with its blocked count and one switch.
  const popup = await browser.openPopup();
  await until('the popup to list the lab’s target', async () => (await popup.count('[data-target]')) > 0);
  await new Promise((r) => setTimeout(r, 500)); // the popup fades in: photograph it once drawn
  await display.screenshot(name === 'chromium' ? `${outDir}/popup.png` : `${outDir}/popup-${name}.png`);
  const errors = browser.extensionErrors();
  if (errors.length > 0) console.error(`Extension errors in ${name}:\n  ${errors.join('\n  ')}`);
  await browser.close();
  await display.close();
  return surprises + errors.length;
}

try {
  // Fixed, memorable ports when free (the README names them); any free port otherwise.
  const lab = await startLab({
    pagePorts: [5173, 3000],
    publicPagePort: 5174,
    apiPorts: [8081, 8082],
  }).catch(() => startLab());
  cleanups.push(() => lab.close());
  console.log(
    `CORS lab: page ${lab.pageOrigin} (second dev server ${lab.page2Origin}), APIs ${lab.apiOrigins.join(', ')}`,
  );
  // The Local Network Access scenarios need a browser told that this page is public (a testing switch).
  console.log(
    `Local Network Access: ${lab.publicPageOrigin}/ plays a public site for a browser started with ${chromiumPublicPageArgs(lab).join(' ')}`,
  );
  await mkdir(outDir, { recursive: true });

  if (screen) {
    const name = only ?? 'chromium';
    const display: Display = attachDisplay(screen);
    const browser: RealBrowser = await launchRealBrowser(name, display);
    cleanups.push(() => browser.close());
    await openLabPage(browser.labTab, lab.pageOrigin);
    await browser.openDevtoolsPanel();
    console.log(
      `${name === 'chromium' ? 'Chromium' : 'Firefox ESR'} is open on the lab with CORS Lens freshly installed and ` +
        'DevTools on its CORS panel: click "Start capturing", allow, then "Run all scenarios" on the page. ' +
        'The popup is the toolbar button (or Alt+Shift+L). Ctrl-C stops everything.',
    );
    await browser.closed;
    await stop(0);
  } else if (existsSync('/usr/bin/Xvfb') && existsSync('/usr/bin/xdotool') && existsSync('/usr/bin/import')) {
    console.log('No display: each browser runs on a virtual screen, its first run walked and photographed.');
    let surprises = 0;
    for (const name of only ? [only] : (['chromium', 'firefox'] as const))
      surprises += await photograph(name, lab);
    const shots = (only ? [only] : ['chromium', 'firefox']).map((n) => `out/panel-devtools-${n}.png`);
    console.log(`\n${surprises} unexpected. Screenshots: ${shots.join(', ')}, out/popup.png`);
    await stop(surprises === 0 ? 0 : 1);
  } else {
    console.log(
      "No display and no Xvfb ('apt-get install -y xvfb xdotool imagemagick' shows the real panel): " +
        'headless Chromium clicks through the lab scenarios.',
    );
    const chromium = await launchChromium({ headless: true });
    cleanups.push(() => chromium.close());
    const page = chromium.context.pages()[0] ?? (await chromium.newPage());
    await openLabPage(page, lab.pageOrigin);
    const surprises = await report('chromium', page);
    await page.screenshot({ path: `${outDir}/lab.png`, fullPage: true });
    console.log(`\n${surprises} unexpected. Screenshot: out/lab.png`);
    await stop(surprises === 0 ? 0 : 1);
  }
} catch (error) {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}
