// `npm start`: build, start the CORS lab, open Chromium with the extension on the lab page.
// With a display: a normal window until Ctrl-C. Without one (CI, SSH): headless, clicks through every scenario,
// saves screenshots of the lab page and the popup into out/, prints a report and exits.
import { mkdir } from 'node:fs/promises';
import { type ChromiumSession, launchChromium } from '../tests/harness/chromium';
import { openLabPage, runAllLabScenarios } from '../tests/harness/lab-page';
import { outDir } from '../tests/harness/paths';
import { chromiumPublicPageArgs } from '../tests/lab/local-network-flags.mjs';
import { type Lab, startLab } from '../tests/lab/server.mjs';
import { check, run } from './run.mjs';

check(await run(process.execPath, ['scripts/build.mjs']), 'build');

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;
let lab: Lab | undefined;
let chromium: ChromiumSession | undefined;
let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await chromium?.close();
    await lab?.close();
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(130));
process.on('SIGTERM', () => void stop(143));

try {
  // Fixed, memorable ports when free (the README names them); any free port otherwise.
  lab = await startLab({ pagePorts: [5173, 3000], publicPagePort: 5174, apiPorts: [8081, 8082] }).catch(() =>
    startLab(),
  );
  console.log(
    `CORS lab: page ${lab.pageOrigin} (second dev server ${lab.page2Origin}; ${lab.publicPageOrigin} plays a public site for Local Network Access), APIs ${lab.apiOrigins.join(', ')}`,
  );
  // The public page is public to this browser only: its Local Network Access scenarios meet the permission.
  chromium = await launchChromium({ headless: !headed, extraArgs: chromiumPublicPageArgs(lab) });
  const page = chromium.context.pages()[0] ?? (await chromium.newPage());
  await openLabPage(page, lab.pageOrigin);
  if (headed) {
    console.log(
      'Chromium is open on the lab page with CORS Lens loaded. Open DevTools → CORS. Ctrl-C stops everything.',
    );
    chromium.context.on('close', () => void stop(0));
  } else {
    console.log('No display: running headless and clicking through the lab scenarios.');
    const results = await runAllLabScenarios(page);
    await mkdir(outDir, { recursive: true });
    await page.screenshot({ path: `${outDir}/lab.png`, fullPage: true });
    const popup = await chromium.openExtensionPage(`src/popup/index.html`);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByText('Background running').waitFor({ timeout: 10_000 });
    await popup.screenshot({ path: `${outDir}/popup.png` });
    console.log('\nScenario                         Expected  Browser said');
    let surprises = 0;
    const scenarios = await page.evaluate(
      () => (window as unknown as { lab: { scenarios: { name: string; expect: string }[] } }).lab.scenarios,
    );
    for (const { name, expect } of scenarios) {
      const result = results[name];
      const said = result?.allowed ? 'allowed' : 'blocked';
      if (said !== expect) surprises++;
      console.log(`${name.padEnd(33)}${expect.padEnd(10)}${said}${said === expect ? '' : '  ← unexpected'}`);
    }
    console.log(
      `\n${scenarios.length} scenarios, ${surprises} unexpected. Screenshots: out/lab.png, out/popup.png`,
    );
    await stop(surprises === 0 ? 0 : 1);
  }
} catch (error) {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}
