// Firefox is the oracle, end to end: every generated exchange runs in Firefox ESR from the lab page, with the built
// extension capturing (a panel's stream, subscribed from an extension page). What the panel would show — the
// background's stream entry for the request — must agree with what Firefox itself did: whether the page could use
// the response, and, when Firefox refused it, the reason Firefox logs in its console (delivered over WebDriver
// BiDi), with the value that reason quotes (the Access-Control-Allow-Origin value, the bad token, the header) and
// the status code it reports. Where CORS Lens cannot know something that decides (the credentials mode of a request
// whose cookies were not sent; whether a joined Access-Control-Allow-Origin line was one line or two), the panel
// shows both possibilities: that agrees when one of them is Firefox's, and is counted apart.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, launchFirefox } from '../harness/firefox';
import {
  everyEnded,
  scenarioOfUrl,
  streamedEntries,
  subscribeToTab,
  waitForEntries,
} from '../harness/panel-stream';
import { type Lab, startLab } from '../lab/server.mjs';
import { withUrls } from './initiators/case-urls';
import { type PageOutcome, runCasesInPage } from './initiators/run-in-page';
import { generateExchangeMatrix } from './matrix-gen/exchange-matrix';
import { FirefoxAgreement } from './oracle/firefox-agreement';
import { type FirefoxConsoleReason, parseFirefoxConsole } from './oracle/parse-firefox-console';

describe('differential (Firefox ESR): the panel’s verdict is Firefox’s own, end to end', () => {
  let lab: Lab;
  let firefox: FirefoxSession;
  const matrix = generateExchangeMatrix();
  beforeAll(async () => {
    lab = await startLab();
    firefox = await launchFirefox({ grantHosts: true });
  });
  afterAll(async () => {
    await firefox?.close();
    await lab?.close();
  });

  it(`runs ${matrix.length} exchanges (at least 400, at least 100 not from fetch()) and agrees on every one`, async () => {
    expect(matrix.length).toBeGreaterThanOrEqual(400);
    expect(matrix.filter((c) => c.initiator !== 'fetch').length).toBeGreaterThanOrEqual(100);
    const page: Page = await firefox.newPage();
    // Firefox's first message per exchange: a failed preflight logs its reason, then "did not succeed" (measured).
    const logged = new Map<string, FirefoxConsoleReason>();
    const unreadable: string[] = [];
    page.on('pageerror', (error) => {
      try {
        const parsed = parseFirefoxConsole(String((error as Error).message ?? error));
        // A redirect's target is named `<case>-target`; a URL with user:pass is named without them.
        const id = parsed && scenarioOfUrl(parsed.url.replace(/^(https?:\/\/)[^@/]*@/, '$1'));
        const name = id?.replace(/-target$/, '');
        if (parsed && name !== undefined && !logged.has(name)) logged.set(name, parsed);
      } catch (e) {
        unreadable.push(String(e));
      }
    });
    await page.goto(`${lab.pageOrigin}/`);
    const ext = firefox.extensionPage;
    // A match pattern with a port matches nothing in Firefox (platform-facts): compare URLs in code.
    const tabId = (await ext.evaluate(
      `browser.tabs.query({}).then((tabs) => tabs.find((t) => (t.url ?? '').startsWith('${lab.pageOrigin}/'))?.id)`,
    )) as number;
    await subscribeToTab(ext, tabId);
    // Load the page again so that CORS Lens's page hook runs before the page's scripts.
    await page.goto(`${lab.pageOrigin}/`);
    await page.waitForFunction('window[Symbol.for("cors-lens.page-hook")] === true');
    // The page's session cookie: credentialed requests send it to the same-site API (another port of localhost).
    await page.evaluate('document.cookie = "session=1; path=/"');

    const cases = withUrls(matrix, lab);
    const outcomes = await runCasesInPage(page, cases);
    const firstUrls = cases.map(({ urls }) => urls[0] as string);
    await waitForEntries(ext, everyEnded(firstUrls), 'a finished row for every exchange', 90_000);
    const entries = await streamedEntries(ext);
    // Console messages may trail the page's outcome a little.
    const blocked = cases.filter((_, i) => outcomes[i] !== 'allowed').map(({ c }) => c.name);
    for (let waited = 0; waited < 5_000 && blocked.some((n) => !logged.has(n)); waited += 100)
      await new Promise((r) => setTimeout(r, 100));

    const agreement = new FirefoxAgreement();
    cases.forEach(({ c }, i) => {
      const entry = logged.get(c.name);
      agreement.add({
        c,
        outcome: outcomes[i] as PageOutcome,
        ...(entry === undefined ? {} : { logged: entry }),
        entries: entries.filter((e) => e.record.request.url === firstUrls[i]),
      });
    });
    console.log(agreement.summary());
    if (agreement.disagreements.length > 0) console.log(agreement.disagreements.join('\n'));
    expect(unreadable, 'Firefox messages the oracle cannot read').toEqual([]);
    expect(agreement.disagreements).toEqual([]);
    // The verdict shown first names Firefox's own reason for at least 99% of the exchanges Firefox blocked.
    expect(agreement.blockedNamedExactly / agreement.blocked).toBeGreaterThanOrEqual(0.99);
  });
});
