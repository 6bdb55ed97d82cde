// The CORS panel in Firefox ESR: the panel page loads inside the extension (BiDi cannot navigate to
// moz-extension:// URLs, so the extension opens it; see platform-facts), binds to the lab's tab and shows the lab's
// requests live, blocked ones with the engine's verdict.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, launchFirefox } from '../harness/firefox';
import { openLabPage, runLabScenario } from '../harness/lab-page';
import { fileSteps, pollUntil } from '../harness/poll';
import { type Lab, startLab } from '../lab/server.mjs';

interface ShownRow {
  method: string;
  url: string;
  verdict: string;
  className: string;
}

const shownRows = (panel: Page): Promise<ShownRow[]> =>
  panel.$$eval('.grid-body .row', (rows) =>
    rows.map((row) => ({
      method: row.querySelector('.col-method')?.textContent ?? '',
      url: row.querySelector('.col-url')?.textContent ?? '',
      verdict: row.querySelector('.col-verdict')?.textContent ?? '',
      className: row.className,
    })),
  );

async function waitForRows(
  panel: Page,
  done: (rows: ShownRow[]) => boolean,
  what: string,
): Promise<ShownRow[]> {
  const deadline = Date.now() + 20_000;
  let rows: ShownRow[] = [];
  while (Date.now() < deadline) {
    rows = await shownRows(panel);
    if (done(rows)) return rows;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; the panel showed:\n${JSON.stringify(rows, null, 1)}`);
}

describe('Firefox ESR: the CORS panel shows live entries', () => {
  let lab: Lab;
  let firefox: FirefoxSession;
  let labPage: Page;
  let panel: Page;
  // The tests continue with the panel the first opens and the rows the second makes.
  const steps = fileSteps();

  beforeAll(async () => {
    lab = await startLab();
    firefox = await launchFirefox();
    labPage = await firefox.newPage();
    await openLabPage(labPage, lab.pageOrigin);
  });
  afterAll(async () => {
    await firefox?.close();
    await lab?.close();
  });

  it('loads the panel, which asks for host access and gets it through the real permissions.request', async () => {
    // The add-on has no host access yet, so it cannot even read the lab tab's URL: bind a first panel to the
    // extension's own tab, and grant access from its empty state, as a new user would.
    const ownTab = (await firefox.extensionPage.evaluate(
      'browser.tabs.getCurrent().then((t) => t.id)',
    )) as number;
    const first = await firefox.openExtensionPage(`src/panel/index.html?tab=${ownTab}`);
    await first.waitForFunction(() => document.body.textContent?.includes('Start capturing'), {
      timeout: 20_000,
    });
    await first.click('.empty button.primary');
    await first.waitForFunction(
      () =>
        document.body.textContent?.includes('Reload the page or trigger the failing request') &&
        !document.body.textContent.includes('Start capturing'),
      { timeout: 20_000 },
    );
    await first.close();

    const tabId = (await firefox.extensionPage.evaluate(
      // A match pattern with a port matches nothing in Firefox (platform-facts): compare URLs in code.
      `browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url?.startsWith('${lab.pageOrigin}/'))?.id)`,
    )) as number;
    expect(typeof tabId).toBe('number');
    panel = await firefox.openExtensionPage(`src/panel/index.html?tab=${tabId}`);
    await panel.waitForFunction(() => document.body.textContent?.includes('No cross-origin requests yet'), {
      timeout: 20_000,
    });
    expect(await panel.$eval('.counts', (e) => e.textContent)).toBe('0 requests');
    steps.done('loads the panel');
  });

  it('shows a blocked and an allowed request from the lab as they happen', async () => {
    steps.require('loads the panel');
    expect((await runLabScenario(labPage, 'simple-get-no-acao')).allowed).toBe(false);
    const first = await waitForRows(panel, (rows) => rows.length >= 1, 'the blocked request');
    expect(first).toHaveLength(1);
    expect(first[0]?.verdict).toBe('blocked · CORS config · MissingAllowOriginHeader');
    expect(first[0]?.className).toContain('verdict-blocked');
    expect(first[0]?.url).toBe(`${lab.apiOrigins[0]}/api`);

    expect((await runLabScenario(labPage, 'json-put-allowed')).allowed).toBe(true);
    const both = await waitForRows(
      panel,
      (rows) => rows.length >= 2 && rows[1]?.verdict !== 'pending',
      'the allowed PUT',
    );
    expect(both).toHaveLength(2);
    expect(both[1]).toMatchObject({ method: 'PUT', verdict: 'allowed' });
    const counts = () => panel.evaluate(() => document.querySelector('.counts')?.textContent ?? '');
    expect(await pollUntil(counts, (t) => t.includes('2 requests, 1 blocked'))).toContain(
      '2 requests, 1 blocked',
    );
    steps.done('shows the requests');
  });

  it('opens the detail of the blocked row with the Firefox console reason', async () => {
    steps.require('shows the requests');
    await panel.click('.grid-body .row');
    await panel.waitForSelector('aside.detail');
    const detail = (await panel.$eval('aside.detail', (e) => e.textContent)) ?? '';
    expect(detail).toContain('CORSMissingAllowOrigin');
    expect(detail).toContain('MissingAllowOriginHeader');
  });
});
