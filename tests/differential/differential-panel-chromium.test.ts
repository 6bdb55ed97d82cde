// Chromium is the oracle for what the PANEL shows, end to end: the generated exchanges (exchange-matrix.ts: fetch,
// XMLHttpRequest with and without upload listeners, <img crossorigin>, module scripts, <link rel=stylesheet
// crossorigin>, @font-face and FontFace, with cookies, credentials modes and redirects) run in Debian Chromium from
// the lab page through the built extension. Each request must have exactly one row on the panel stream (subscribed
// exactly as the panel is), finished, and that row must show Chromium's own verdict (CDP: Network.loadingFinished,
// or Network.loadingFailed and its corsErrorStatus), as oracle/chromium-agreement.ts compares them. The same rows
// judged without the hook's data (what the wire alone gives) are counted too, for the record.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedExchange } from '../../src/shared/panel-protocol';
import { collectCdpOutcomes } from '../harness/cdp-outcomes';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { tabIdOf } from '../harness/lab-page';
import {
  everyEnded,
  sendOnStream,
  streamedEntries,
  subscribeToTab,
  waitForEntries,
} from '../harness/panel-stream';
import { pollUntil } from '../harness/poll';
import { type Lab, startLab } from '../lab/server.mjs';
import { withUrls } from './initiators/case-urls';
import { type PageOutcome, runCasesInPage } from './initiators/run-in-page';
import { generateExchangeMatrix } from './matrix-gen/exchange-matrix';
import { ChromiumAgreement } from './oracle/chromium-agreement';

/** Exchanges per page.evaluate; the stream is cleared between chunks, so that the tab's log stays small. */
const CHUNK = 120;

describe('differential (Chromium): the panel’s verdict is Chromium’s own, end to end', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  const matrix = generateExchangeMatrix();
  beforeAll(async () => {
    lab = await startLab();
    chromium = await launchChromium({ grantHosts: true });
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  it(`runs ${matrix.length} exchanges (at least 400, at least 100 not from fetch()) and agrees on every one`, async () => {
    expect(matrix.length).toBeGreaterThanOrEqual(400);
    expect(matrix.filter((c) => c.initiator !== 'fetch').length).toBeGreaterThanOrEqual(100);
    const started = performance.now();
    const page: Page = await chromium.newPage();
    const cdp = await chromium.context.newCDPSession(page);
    await cdp.send('Network.enable');
    const cdpOutcomes = collectCdpOutcomes(cdp);
    await page.goto(`${lab.pageOrigin}/`);
    const ext = await chromium.openExtensionPage('src/welcome/index.html');
    const tabId = await tabIdOf(ext, lab.pageOrigin);
    await subscribeToTab(ext, tabId);
    // Subscribing injects the hook into the open page: wait until it is there before the page makes requests.
    const hooked = await pollUntil(
      () => page.evaluate(() => Symbol.for('cors-lens.page-hook') in window),
      (done) => done,
    );
    expect(hooked, 'CORS Lens’s hook is in the page').toBe(true);
    // The page's session cookie: credentialed requests send it to the same-site API (another port of localhost).
    await page.evaluate('document.cookie = "session=1; path=/"');

    const agreement = new ChromiumAgreement();
    for (let start = 0; start < matrix.length; start += CHUNK) {
      const cases = withUrls(matrix.slice(start, start + CHUNK), lab);
      const outcomes = await runCasesInPage(page, cases);
      const firstUrls = cases.map(({ urls }) => urls[0] as string);
      // CDP's loadingFinished/loadingFailed may trail what the page saw; the rows, what CDP saw.
      await pollUntil(
        async () => cases.filter(({ c }) => cdpOutcomes.get(c.name)?.end === undefined).length,
        (waiting) => waiting === 0,
      );
      const entries = await waitForEntries(
        ext,
        everyEnded(firstUrls),
        'a finished row for every exchange',
        60_000,
      ).catch(() => streamedEntries(ext));
      cases.forEach(({ c }, i) => {
        agreement.add({
          c,
          outcome: outcomes[i] as PageOutcome,
          cdp: cdpOutcomes.get(c.name),
          entries: entries.filter((e: LoggedExchange) => e.record.request.url === firstUrls[i]),
        });
      });
      await sendOnStream(ext, { type: 'clear', tabId });
      await pollUntil(
        () => streamedEntries(ext),
        (es) => es.length === 0,
      );
    }
    const seconds = Math.round((performance.now() - started) / 1000);
    const cookieSent = lab
      .requests()
      .filter((r) =>
        r.headers.some(([n, v]) => n.toLowerCase() === 'cookie' && v.includes('session=1')),
      ).length;
    console.log(`${agreement.summary()}\n${cookieSent} requests carried the session cookie; ${seconds} s`);
    if (agreement.disagreements.length > 0) console.log(agreement.disagreements.join('\n'));
    expect(cookieSent, 'credentialed requests carry the session cookie').toBeGreaterThan(0);
    expect(agreement.credentialedBlockedAtPreflight).toBeGreaterThanOrEqual(20);
    expect(agreement.redirected).toBeGreaterThanOrEqual(20);
    expect(agreement.disagreements).toEqual([]);
  }, 600_000);
});
