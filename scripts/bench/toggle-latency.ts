// Rows: the time from a click on "Allow" in the popup to the first credentialed, preflighted PUT from the page
// that passes — in Chromium and in Firefox ESR. The page fetches in a loop from before the click; both clocks are
// the same machine's Date.now(), read inside the browser (the click in the popup, the success in the page), so the
// test driver's protocol round-trips are not counted. Each run makes a fresh rule and removes it afterwards.
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { launchChromium } from '../../tests/harness/chromium';
import { launchFirefox } from '../../tests/harness/firefox';
import { type LabProcess, startLabProcess } from '../../tests/harness/lab-process';
import { specUrl } from '../../tests/lab/spec.mjs';
import { type BenchRow, median } from './table';

/** What both drivers offer: evaluate a string expression, click a CSS selector, type into one. */
interface Driver {
  evaluate(page: 'popup' | 'lab', expression: string): Promise<unknown>;
  click(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
}

const ALLOW = 'form.allow button[type="submit"]';
const TARGET = '#allow-target';
const CREDENTIALS = 'form.allow input[type="checkbox"]';
const REMOVE = 'button[aria-label^="Remove "]';
const GIVE_UP_MS = 10_000;

/** Resolves with Date.now() at the next click on the Allow button (capture phase: before the app's handler). */
const clickTime = `new Promise((resolve) => document.querySelector(${JSON.stringify(ALLOW)})
  .addEventListener('click', () => resolve(Date.now()), { once: true, capture: true }))`;

/** Fetches until one passes; resolves with Date.now() when it did, or null after GIVE_UP_MS. */
const firstPass = (api: string) => `(async () => {
  const deadline = Date.now() + ${GIVE_UP_MS};
  while (Date.now() < deadline) {
    const url = ${JSON.stringify(specUrl(api, { id: 'toggle-latency' }))} + '&n=' + Math.random();
    const ok = await fetch(url, { method: 'PUT', credentials: 'include', cache: 'no-store',
      headers: { 'Content-Type': 'application/json' }, body: '{}' }).then((r) => r.ok, () => false);
    if (ok) return Date.now();
  }
  return null;
})()`;

const blocked = (
  api: string,
) => `fetch(${JSON.stringify(specUrl(api, { id: 'toggle-latency-check' }))} + '&n=' + Math.random(),
  { method: 'PUT', credentials: 'include', cache: 'no-store', headers: { 'Content-Type': 'application/json' }, body: '{}' })
  .then(() => false, () => true)`;

async function measure(driver: Driver, api: string, runs: number): Promise<number[]> {
  await driver.click(CREDENTIALS);
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    if ((await driver.evaluate('lab', blocked(api))) !== true)
      throw new Error('the PUT passes before any override: the bench page is broken');
    await driver.fill(TARGET, api);
    const clicked = driver.evaluate('popup', clickTime);
    const passed = driver.evaluate('lab', firstPass(api));
    await driver.click(ALLOW);
    const [at, ok] = (await Promise.all([clicked, passed])) as [number, number | null];
    if (ok === null) throw new Error(`the override did not take effect within ${GIVE_UP_MS / 1000} s`);
    if (run > 0) times.push(ok - at); // run 0 warms up (and, in Firefox, grants the host permissions)
    await driver.click(REMOVE);
    const deadline = Date.now() + GIVE_UP_MS;
    while ((await driver.evaluate('lab', blocked(api))) !== true) {
      if (Date.now() > deadline) throw new Error('removing the override did not restore the block');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return times;
}

function row(browser: string, times: number[]): BenchRow {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    group: 'override',
    name: `toggle → rule in effect (${browser})`,
    value: Math.round(median(times)),
    unit: 'ms',
    note: `median of ${times.length}, range ${sorted[0]}–${sorted[sorted.length - 1]} ms; click in popup → a page fetch passes`,
  };
}

async function chromiumTimes(lab: LabProcess, runs: number): Promise<number[]> {
  const chromium = await launchChromium({ grantHosts: true });
  try {
    const labPage = await chromium.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
    const popup = await chromium.openExtensionPage(
      `src/popup/index.html?tab=0&origin=${encodeURIComponent(lab.pageOrigin)}`,
    );
    const pages: Record<'popup' | 'lab', PlaywrightPage> = { popup, lab: labPage };
    return await measure(
      {
        evaluate: (page, expression) => pages[page].evaluate(expression),
        click: (selector) => popup.locator(selector).click(),
        fill: (selector, value) => popup.locator(selector).fill(value),
      },
      lab.apiOrigins[0] as string,
      runs,
    );
  } finally {
    await chromium.close();
  }
}

async function firefoxTimes(lab: LabProcess, runs: number): Promise<number[]> {
  const firefox = await launchFirefox();
  try {
    const labPage = await firefox.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
    const popup = await firefox.openExtensionPage(
      `src/popup/index.html?tab=0&origin=${encodeURIComponent(lab.pageOrigin)}`,
    );
    await popup.bringToFront();
    await popup.waitForSelector(TARGET);
    const pages: Record<'popup' | 'lab', PuppeteerPage> = { popup, lab: labPage };
    return await measure(
      {
        evaluate: (page, expression) => pages[page].evaluate(expression),
        click: (selector) => popup.locator(selector).click(),
        fill: (selector, value) => popup.locator(selector).fill(value),
      },
      lab.apiOrigins[0] as string,
      runs,
    );
  } finally {
    await firefox.close();
  }
}

export async function toggleLatencyRows(runs = 9): Promise<BenchRow[]> {
  const lab = await startLabProcess();
  try {
    return [
      row('Chromium', await chromiumTimes(lab, runs)),
      row('Firefox ESR', await firefoxTimes(lab, runs)),
    ];
  } finally {
    await lab.close();
  }
}
