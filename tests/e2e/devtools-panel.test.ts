// The CORS panel where developers open it: inside the browser's real DevTools, in Chromium and Firefox ESR, from a
// fresh install with no host access. The first run is walked as a user walks it (F12, the CORS tab, Start capturing,
// the browser's own prompt answered with a real click or key press), then the lab's scenarios must appear with the
// browser's own verdicts, the detail and Fix tabs explain one, "Allow temporarily" lets it through, and HAR export
// writes a file. Any uncaught error of an extension page fails the run.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedVerdict } from '../harness/allowed-verdict';
import { type Display, startDisplay } from '../harness/display';
import { mainScenarioKind } from '../harness/failure-kind-expectations';
import { startCapturing } from '../harness/first-run';
import { openLabPage, runAllLabScenarios, runLabScenario } from '../harness/lab-page';
import { launchRealBrowser } from '../harness/launch-real-browser';
import { type PanelRow, panelRows } from '../harness/panel-rows';
import { scenarioOfUrl } from '../harness/panel-stream';
import { outDir } from '../harness/paths';
import type { BrowserName, RealBrowser, UiView } from '../harness/real-browser';
import type { ScenarioResult } from '../lab/public/run-scenario.mjs';
import { type Lab, startLab } from '../lab/server.mjs';

describe.each<BrowserName>(['chromium', 'firefox'])('%s: the CORS panel inside real DevTools', (name) => {
  let lab: Lab;
  let display: Display;
  let browser: RealBrowser;
  let panel: UiView;
  let outcomes: Record<string, ScenarioResult> = {};
  let rows: PanelRow[] = [];
  const steps = new Set<string>();
  const continuesFrom = (step: string) => {
    if (!steps.has(step)) throw new Error(`this test continues from "${step}", which did not complete`);
  };
  const rowFor = (scenario: string) => {
    const row = rows.find((r) => r.scenario === scenario);
    if (!row) throw new Error(`no panel row for the lab scenario ${scenario}`);
    return row;
  };

  beforeAll(async () => {
    lab = await startLab();
    display = await startDisplay();
    browser = await launchRealBrowser(name, display);
    await openLabPage(browser.labTab, lab.pageOrigin);
  });
  afterAll(async () => {
    await display?.screenshot(join(outDir, `devtools-panel-${name}.png`)).catch(() => undefined);
    await browser?.close();
    await display?.close();
    await lab?.close();
  });

  it('opens in DevTools without an error and, with no host access yet, asks to start capturing', async () => {
    panel = await browser.openDevtoolsPanel();
    expect(await panel.count('[data-testid="panel-error"]')).toBe(0);
    await expect.poll(() => panel.text()).toContain('Start capturing');
    expect(await panel.text()).toContain('No cross-origin requests yet');
    steps.add('open');
  });

  it('Start capturing: the browser asks, the user allows, and capture starts without reopening anything', async () => {
    continuesFrom('open');
    await startCapturing(browser, panel);
    if (name === 'firefox') expect(await panel.text()).not.toContain('Confirm in the CORS Lens window');
    steps.add('capturing');
  });

  it('shows one row per lab scenario, each with the browser’s own verdict', async () => {
    continuesFrom('capturing');
    outcomes = await runAllLabScenarios(browser.labTab);
    const names = Object.keys(outcomes);
    expect(names.length).toBeGreaterThanOrEqual(10);
    await expect
      .poll(
        async () => {
          rows = await panelRows(panel);
          return names.filter((n) => rows.some((r) => r.scenario === n && !r.className.includes('pending')));
        },
        { timeout: 20_000 },
      )
      .toHaveLength(names.length);
    expect(rows.filter((r) => r.scenario !== undefined)).toHaveLength(names.length);
    // The lab reads a header its server does not expose: the hook's report must reach the row in both browsers.
    expect(names.filter((n) => allowedVerdict(outcomes[n]) !== 'allowed')).toContain('header-not-exposed');
    // The rows came on the channel meant for this browser: in Chromium a MessagePort handed to the service worker
    // (the runtime port routes every message through the browser process), in Firefox the runtime port.
    expect(await panel.evaluate<string>('(document) => document.documentElement.dataset.logChannel')).toBe(
      name === 'chromium' ? 'message-port' : 'runtime-port',
    );
    const verdicts = browser.browserVerdicts();
    for (const scenario of names) {
      const row = rowFor(scenario);
      const allowed = outcomes[scenario]?.allowed === true;
      if (allowed) {
        expect(verdicts.has(scenario), scenario).toBe(false);
        expect(row.verdict, scenario).toBe(allowedVerdict(outcomes[scenario]));
        continue;
      }
      expect(row.className, scenario).toContain('verdict-blocked');
      // Chromium: the CorsError it reported. Firefox words its own reasons (the detail pane shows them); its
      // console names the URL that failed, which after a redirect is the redirect's target. Firefox reports a
      // refused simple request as completed: the credentialed `*` case is blocked here only because CORS Lens's
      // hook in the page recorded `credentials: 'include'`.
      // The kind of failure comes before the CorsError (failure-kinds.test.ts checks each kind).
      if (name === 'chromium')
        expect(row.verdict, scenario).toBe(
          `blocked · ${mainScenarioKind(scenario)} · ${verdicts.get(scenario)}`,
        );
      else expect(row.verdict, scenario).toMatch(/^blocked · /);
    }
    if (name === 'firefox')
      expect(verdicts.size).toBeGreaterThanOrEqual(names.filter((n) => !outcomes[n]?.allowed).length - 1);
    steps.add('rows');
  });

  it('explains a blocked preflight in the detail pane, and the Fix tab gives the server change for the lab’s origin', async () => {
    continuesFrom('rows');
    const row = rowFor('json-put-preflight');
    await panel.click(`.row[data-id="${row.id}"]`);
    const detail = 'aside.detail';
    await expect.poll(() => panel.text(detail)).toContain('PreflightMissingAllowOriginHeader');
    if (name === 'firefox') {
      const reason = browser.browserVerdicts().get('json-put-preflight') ?? '';
      expect(reason).toContain('(Reason:');
      await expect.poll(() => panel.text(detail)).toContain('CORS');
    }
    // The row came as a summary: its header lists are asked of the background when the pane opens.
    await panel.click(`${detail} [role="tab"]`, 'Headers');
    await expect.poll(() => panel.text(detail)).toMatch(/Access-Control-Request-Method\s*PUT/i);
    expect(await panel.text(detail)).toContain(lab.pageOrigin);
    await panel.click(`${detail} [role="tab"]`, 'Fix');
    await expect.poll(() => panel.text(detail)).toContain(`Access-Control-Allow-Origin: ${lab.pageOrigin}`);
    expect(await panel.text(detail)).toContain('PUT');
    steps.add('detail');
  });

  it('"Allow temporarily" makes the retried request pass, and the panel shows it allowed by override', async () => {
    continuesFrom('detail');
    await panel.click(`aside.detail button`, 'Allow temporarily');
    // Host access to every site came with capture: no second prompt.
    await expect.poll(() => panel.text('aside.detail')).toContain('Override created');
    await expect
      .poll(async () => (await runLabScenario(browser.labTab, 'json-put-preflight')).allowed, {
        timeout: 20_000,
      })
      .toBe(true);
    await expect
      .poll(async () => (await panelRows(panel)).some((r) => r.verdict.startsWith('allowed by override')))
      .toBe(true);
    steps.add('allowed');
  });

  it('exports the log as a HAR 1.2 file with every captured request', async () => {
    continuesFrom('rows');
    await panel.click('button', 'Export HAR');
    type Har = {
      log: {
        version: string;
        entries: {
          request: { url: string; headers: { name: string }[] };
          _corsLens: { headersOmitted?: true };
        }[];
      };
    };
    // Firefox creates the file when the download starts and fills it when done: read it once it parses.
    const readHar = async (): Promise<Har | undefined> => {
      const file = (await readdir(browser.downloadsDir)).find((f) => f.endsWith('.har'));
      if (!file) return undefined;
      try {
        return JSON.parse(await readFile(join(browser.downloadsDir, file), 'utf8')) as Har;
      } catch {
        return undefined;
      }
    };
    let har: Har | undefined;
    await expect.poll(async () => (har = await readHar()), { timeout: 20_000 }).toBeTruthy();
    if (!har) throw new Error('no HAR file');
    expect(har.log.version).toBe('1.2');
    const exported = new Set(har.log.entries.map((e) => scenarioOfUrl(e.request.url)));
    for (const scenario of Object.keys(outcomes)) expect(exported.has(scenario), scenario).toBe(true);
    // Every row's header lists, asked of the background for the export: none left out.
    expect(har.log.entries.filter((e) => e._corsLens.headersOmitted)).toEqual([]);
    expect(har.log.entries.filter((e) => e.request.headers.length > 0).length).toBeGreaterThan(
      har.log.entries.length / 2,
    );
  });

  it('no extension page or background threw', () => {
    expect(browser.extensionErrors()).toEqual([]);
  });
});
