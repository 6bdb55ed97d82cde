// The CORS panel in Chromium, live on the lab: every scenario shows up with the verdict Chromium itself gives
// (CDP corsErrorStatus), the Fix tab's snippets carry the lab's real page origin, "Allow temporarily" turns a
// blocked request into an allowed one on retry, and the panel is photographed in light and dark theme.
//
// Why the panel page in a tab and not inside DevTools: `--auto-open-devtools-for-tabs` does run the devtools page
// headless and registers the "CORS" panel, but Playwright does not expose devtools:// targets at all; driving
// them through a second CDP client (puppeteer over --remote-debugging-port) worked, yet headless DevTools windows
// were not reliable enough for a test (some never answered, panels laid out at 0 × 0 until resized). The tab runs
// the very same bundle, connected to the background by the same port and bound to the lab's tab by `?tab=ID`
// instead of `devtools.inspectedWindow.tabId`, and `?theme=` stands in for `devtools.panels.themeName`.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedExchange } from '../../src/shared/panel-protocol';
import { allowedVerdict } from '../harness/allowed-verdict';
import { collectCdpVerdicts } from '../harness/cdp-verdicts';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { mainScenarioKind } from '../harness/failure-kind-expectations';
import { openLabPage, runAllLabScenarios, runLabScenario, tabIdOf } from '../harness/lab-page';
import { scenarioOf, subscribeToTab, waitForEntries } from '../harness/panel-stream';
import { outDir } from '../harness/paths';
import { type Lab, startLab } from '../lab/server.mjs';

const row = (panel: Page, id: string) => panel.locator(`.row[data-id="${id}"]`);

describe('Chromium: the CORS panel shows the lab live', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  let labPage: Page;
  let panel: Page;
  let tabId: number;
  /** scenario id → Chromium's CorsError name, from CDP. */
  let chromiumVerdicts = new Map<string, string>();
  let outcomes: Record<string, { allowed: boolean }> = {};
  let entries: LoggedExchange[] = [];
  const entryFor = (name: string) => {
    const entry = entries.find((e) => scenarioOf(e) === name);
    if (!entry) throw new Error(`no exchange for scenario ${name}`);
    return entry;
  };

  beforeAll(async () => {
    lab = await startLab();
    chromium = await launchChromium({ grantHosts: true });
    labPage = await chromium.newPage();
    const cdp = await chromium.context.newCDPSession(labPage);
    await cdp.send('Network.enable');
    chromiumVerdicts = collectCdpVerdicts(cdp);
    await openLabPage(labPage, lab.pageOrigin);
    const welcome = await chromium.openExtensionPage('src/welcome/index.html');
    tabId = await tabIdOf(welcome, lab.pageOrigin);
    await welcome.close();
    panel = await chromium.openExtensionPage(`src/panel/index.html?tab=${tabId}&theme=light`);
    // The panel's own empty state proves its snapshot arrived; the side subscription maps row ids to scenarios.
    await panel.getByRole('heading', { name: 'No cross-origin requests yet' }).waitFor();
    await subscribeToTab(panel, tabId);
    outcomes = await runAllLabScenarios(labPage);
    const names = Object.keys(outcomes);
    entries = await waitForEntries(
      panel,
      (es) => names.every((n) => es.some((e) => scenarioOf(e) === n && e.record.outcome !== 'pending')),
      'an exchange per scenario',
    );
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  it('shows every lab scenario as a row whose verdict is Chromium’s own', async () => {
    const names = Object.keys(outcomes);
    expect(names.length).toBeGreaterThanOrEqual(10);
    const blocked = names.filter((n) => chromiumVerdicts.has(n));
    expect(blocked.length).toBeGreaterThanOrEqual(6);
    for (const name of names) {
      const entry = entryFor(name);
      const cells = row(panel, entry.record.id);
      await expect.poll(() => cells.count(), { message: name }).toBe(1);
      const verdict = (await cells.locator('.col-verdict').textContent()) ?? '';
      const method = (await cells.locator('.col-method').textContent()) ?? '';
      expect(method, name).toBe(entry.record.request.method);
      const corsError = chromiumVerdicts.get(name);
      // credentials-wildcard looks uncredentialed on the wire; its verdict is inferred from Chromium's refusal.
      if (name === 'credentials-wildcard') expect(corsError).toBe('WildcardOriginNotAllowed');
      if (corsError === undefined) {
        expect(outcomes[name]?.allowed, name).toBe(true);
        expect(verdict, name).toBe(allowedVerdict(outcomes[name]));
        expect(await cells.getAttribute('class'), name).toContain('verdict-allowed');
      } else {
        expect(outcomes[name]?.allowed, name).toBe(false);
        // The kind of failure comes before the CorsError (failure-kinds-chromium.test.ts checks each kind).
        expect(verdict, name).toBe(`blocked · ${mainScenarioKind(name)} · ${corsError}`);
        expect(await cells.getAttribute('class'), name).toContain('verdict-blocked');
      }
    }
  });

  it('filters to blocked requests and back', async () => {
    await panel.getByLabel('Blocked only').check();
    const shown = await panel.locator('.grid-body .row').count();
    // Blocked, plus any request the browser failed although its headers pass (marked "failed", never "allowed").
    expect(shown).toBe(entries.filter((e) => !e.verdict.allowed || e.record.outcome === 'failed').length);
    await panel.getByLabel('Blocked only').uncheck();
    await expect.poll(() => panel.locator('.grid-body .row').count()).toBe(entries.length);
  });

  it('explains a blocked preflight and gives snippets with the lab’s real origin', async () => {
    const entry = entryFor('json-put-preflight');
    await row(panel, entry.record.id).click();
    const detail = panel.getByRole('complementary', { name: 'Request details' });
    await expect.poll(() => detail.textContent()).toContain('PreflightMissingAllowOriginHeader');
    await detail.getByRole('tab', { name: 'Fix' }).click();
    const minimal = await detail.locator('.header-block').first().textContent();
    expect(minimal).toContain(`Access-Control-Allow-Origin: ${lab.pageOrigin}`);
    expect(minimal).toContain('PUT');
    const stacks = detail.getByRole('combobox', { name: /Your server stack/ });
    const values = await stacks
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(values).toHaveLength(10);
    for (const value of values) {
      await stacks.selectOption(value);
      const code = (await detail.locator('.server-fix .snippet pre').textContent()) ?? '';
      expect(code, value).toContain(lab.pageOrigin);
      expect(code.toLowerCase(), value).toContain('content-type');
      expect(code, value).toContain('PUT');
    }
    await panel.keyboard.press('Escape');
    await expect.poll(() => detail.count()).toBe(0);
  });

  it('saves screenshots of the panel in light and dark theme', async () => {
    await mkdir(outDir, { recursive: true });
    await row(panel, entryFor('custom-header-not-allowed').record.id).click();
    await panel.getByRole('complementary', { name: 'Request details' }).waitFor();
    await panel.screenshot({ path: `${outDir}/panel-light.png` });
    expect(await panel.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    const lightBg = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);

    const dark = await chromium.openExtensionPage(`src/panel/index.html?tab=${tabId}&theme=dark`);
    await dark.locator('.grid-body .row').first().waitFor();
    await dark.locator(`.row[data-id="${entryFor('custom-header-not-allowed').record.id}"]`).click();
    await dark.getByRole('complementary', { name: 'Request details' }).waitFor();
    await dark.screenshot({ path: `${outDir}/panel-dark.png` });
    expect(await dark.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const darkBg = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBg).not.toBe(lightBg);
    await dark.close();
  });

  it('"Allow temporarily" turns the blocked request into an allowed one on retry', async () => {
    const name = 'json-put-preflight';
    expect((await runLabScenario(labPage, name)).allowed).toBe(false);
    await row(panel, entryFor(name).record.id).click();
    const detail = panel.getByRole('complementary', { name: 'Request details' });
    await detail.getByRole('button', { name: 'Allow temporarily' }).click();
    await expect.poll(() => detail.getByText('Override created').textContent()).toContain('Override created');
    await expect.poll(async () => (await runLabScenario(labPage, name)).allowed).toBe(true);
    const rules = JSON.stringify(
      await chromium.serviceWorker.evaluate(() => chrome.declarativeNetRequest.getSessionRules()),
    );
    expect(rules).toContain(lab.pageOrigin);
    // The retry reaches the panel as a new, completed row.
    const after = await waitForEntries(
      panel,
      (es) => es.some((e) => scenarioOf(e) === name && e.record.outcome === 'completed'),
      'the allowed retry',
    );
    const retry = after.find((e) => scenarioOf(e) === name && e.record.outcome === 'completed');
    await expect.poll(() => row(panel, retry?.record.id ?? '').count()).toBe(1);
    // The background knows the rule rewrote the response: the row says so, with the server's own error.
    await expect
      .poll(() =>
        row(panel, retry?.record.id ?? '')
          .locator('.col-verdict')
          .textContent(),
      )
      .toBe('allowed by override · server: PreflightMissingAllowOriginHeader');
  });

  it('follows new rows while scrolled to the bottom, and stays put once the user scrolled up', async () => {
    // The demo source adds one exchange every 50 ms, like a busy page.
    const demo = await chromium.openExtensionPage('src/panel/index.html?tab=7&source=demo&rows=300&live=50');
    const grid = demo.getByRole('grid');
    await grid.locator('.grid-body .row').first().waitFor();
    const total = async () => Number((await demo.locator('.counts').textContent())?.split(' ')[0]);
    const position = () =>
      grid.evaluate((g) => ({ top: g.scrollTop, fromBottom: g.scrollHeight - g.clientHeight - g.scrollTop }));
    const lastShownId = () => grid.locator('.grid-body .row').last().getAttribute('data-id');

    const before = await total();
    await expect.poll(total).toBeGreaterThan(before + 5);
    // Polled: a row may have arrived a frame before the view follows it.
    await expect.poll(async () => (await position()).fromBottom).toBeLessThanOrEqual(1);
    // Both read inside the poll: rows keep arriving, so the newest id is a moving target.
    await expect
      .poll(async () => (await lastShownId()) === `7:demo-${(await total()) - 1}`, {
        message: 'the newest row is shown',
      })
      .toBe(true);

    // The user scrolls up with the wheel. A row appended in the same frame as the scroll may still be followed
    // (the scroll event had not arrived yet), as in any tailing log: scroll again until the view stays up.
    const box = await grid.boundingBox();
    await demo.mouse.move((box?.x ?? 0) + 200, (box?.y ?? 0) + 200);
    let scrolledUp = await position();
    for (let attempt = 0; attempt < 5 && scrolledUp.fromBottom < 1000; attempt++) {
      await demo.mouse.wheel(0, -3000);
      await demo.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      scrolledUp = await position();
    }
    expect(scrolledUp.fromBottom).toBeGreaterThanOrEqual(1000);
    const whenScrolled = await total();
    await expect.poll(total).toBeGreaterThan(whenScrolled + 5);
    expect((await position()).top).toBe(scrolledUp.top);
    expect((await position()).fromBottom).toBeGreaterThan(scrolledUp.fromBottom);

    await grid.evaluate((g) => {
      g.scrollTop = g.scrollHeight;
    });
    const back = await total();
    await expect.poll(total).toBeGreaterThan(back + 5);
    await expect.poll(async () => (await position()).fromBottom).toBeLessThanOrEqual(1);
    await demo.close();
  });
});
