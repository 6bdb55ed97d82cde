// Chromium is the oracle: every generated exchange runs through the lab in Debian Chromium, Chromium's own
// verdict is read from CDP (Network.loadingFailed.corsErrorStatus) and from what script could read, and our
// engine must agree on every field. A disagreement prints the exchange.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Exchange, evaluate } from '../../src/core/cors';
import { isCdpPreflight } from '../harness/cdp-verdicts';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { type Lab, type LabRequest, startLab } from '../lab/server.mjs';
import { caseUrls } from './initiators/case-urls';
import { type DiffCase, generateMatrix } from './matrix-gen/matrix';

interface BrowserOutcome {
  allowed: boolean;
  readable: string[];
  corsError?: string;
  failedParameter?: string;
  netError?: string;
  /** Request header names in the order Chromium holds them (CDP requestWillBeSent), which is the wire order. */
  headerOrder: string[];
}

// Transport headers Node adds by itself; the lab does not record them, so they are left out of the comparison.
const transportHeaders = new Set(['connection', 'keep-alive', 'date', 'transfer-encoding']);

async function runInChromium(page: Page, cdp: CDPSession, cases: { c: DiffCase; urls: string[] }[]) {
  const firstUrlOf = new Map<string, string>();
  const headerOrderOf = new Map<string, string[]>();
  const failures = new Map<string, { corsError?: string; failedParameter?: string; netError: string }>();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (isCdpPreflight(e) || firstUrlOf.has(e.requestId)) return;
    firstUrlOf.set(e.requestId, e.request.url);
    if (!headerOrderOf.has(e.request.url))
      headerOrderOf.set(
        e.request.url,
        Object.keys(e.request.headers).map((n) => n.toLowerCase()),
      );
  });
  cdp.on('Network.loadingFailed', (e) => {
    const url = firstUrlOf.get(e.requestId);
    if (url)
      failures.set(url, {
        corsError: e.corsErrorStatus?.corsError,
        failedParameter: e.corsErrorStatus?.failedParameter,
        netError: e.errorText,
      });
  });
  const inputs = cases.map(({ c, urls }) => ({
    url: urls[0],
    method: c.method,
    headers: c.headers,
    credentials: c.credentials,
    mode: c.mode,
  }));
  const results = (await page.evaluate(async (list) => {
    const out: { allowed: boolean; readable: string[] }[] = [];
    const run = async (i: number) => {
      const r = list[i] as (typeof list)[number];
      try {
        const res = await fetch(r.url as string, {
          method: r.method,
          headers: r.headers,
          credentials: r.credentials,
          mode: r.mode,
          cache: 'no-store',
        });
        await res.arrayBuffer();
        out[i] = { allowed: true, readable: [...res.headers.keys()] };
      } catch {
        out[i] = { allowed: false, readable: [] };
      }
    };
    for (let i = 0; i < list.length; i += 8)
      await Promise.all(list.slice(i, i + 8).map((_, j) => run(i + j)));
    return out;
  }, inputs)) as { allowed: boolean; readable: string[] }[];
  // loadingFailed may trail the rejected fetch: wait until every rejected request has its event, or 10 s (Blink
  // refuses some requests before the network, and those never get one).
  const rejected = cases.filter((_, i) => !results[i]?.allowed).map(({ urls }) => urls[0] as string);
  for (let waited = 0; waited < 10_000 && rejected.some((u) => !failures.has(u)); waited += 100)
    await new Promise((r) => setTimeout(r, 100));
  return cases.map(({ urls }, i): BrowserOutcome => {
    const r = results[i] as { allowed: boolean; readable: string[] };
    const f = failures.get(urls[0] as string);
    return {
      allowed: r.allowed,
      readable: r.readable.filter((h) => !transportHeaders.has(h)).sort(),
      ...(f?.corsError ? { corsError: f.corsError, failedParameter: f.failedParameter ?? '' } : {}),
      ...(f && !r.allowed ? { netError: f.netError } : {}),
      headerOrder: headerOrderOf.get(urls[0] as string) ?? [],
    };
  });
}

const isPreflight = (r: LabRequest) =>
  r.method === 'OPTIONS' && r.headers.some(([n]) => n.toLowerCase() === 'access-control-request-method');

/** The author headers in the order Chromium observed them (names it did not report keep their place at the end). */
function inObservedOrder(headers: [string, string][], order: string[]): [string, string][] {
  const rank = (name: string) => {
    const at = order.indexOf(name.toLowerCase());
    return at === -1 ? order.length : at;
  };
  return [...headers].sort((a, b) => rank(a[0]) - rank(b[0]));
}

/**
 * The engine's input, as an observer sees it: the request as Chromium holds it (its header order), and what the
 * lab actually received and answered (its request log).
 */
function exchangeFromLab(c: DiffCase, urls: string[], lab: Lab, headerOrder: string[]): Exchange {
  const log = lab.requests();
  const preflight = log.find((r) => isPreflight(r) && r.url === urls[0]);
  const responses: Exchange['responses'] = [];
  for (const url of urls) {
    const hit = log.find((r) => !isPreflight(r) && r.url === url.replace('user:pass@', ''));
    if (!hit) break;
    responses.push({ url, status: hit.status, headers: hit.responseHeaders });
  }
  return {
    origin: lab.pageOrigin,
    request: {
      url: urls[0] as string,
      method: c.method,
      headers: inObservedOrder(c.headers, headerOrder),
      credentials: c.credentials,
      mode: c.mode,
    },
    ...(preflight ? { preflight: { status: preflight.status, headers: preflight.responseHeaders } } : {}),
    responses,
  };
}

describe('differential: the verdict engine agrees with Chromium on every generated exchange', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  const matrix = generateMatrix();
  beforeAll(async () => {
    lab = await startLab();
    chromium = await launchChromium({ extension: false });
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  it(`runs ${matrix.length} exchanges (at least 300) and agrees on allowed, corsError, failedParameter and readable headers`, async () => {
    expect(matrix.length).toBeGreaterThanOrEqual(300);
    const page = await chromium.newPage();
    const cdp = await chromium.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await page.goto(`${lab.pageOrigin}/`);
    const [first = '', other = ''] = lab.apiOrigins;
    const cases = matrix.map((c) => ({ c, urls: caseUrls(c, { first, other }, lab.pageOrigin) }));
    const outcomes = await runInChromium(page, cdp, cases);
    const disagreements: string[] = [];
    let preflightMismatch = 0;
    cases.forEach(({ c, urls }, i) => {
      const browser = outcomes[i] as BrowserOutcome;
      const exchange = exchangeFromLab(c, urls, lab, browser.headerOrder);
      const verdict = evaluate(exchange);
      const sentPreflight = exchange.preflight !== undefined;
      if (verdict.preflightRequired !== sentPreflight) preflightMismatch++;
      const ours = {
        allowed: verdict.allowed,
        readable: verdict.allowed ? verdict.exposedHeaders.filter((h) => !transportHeaders.has(h)) : [],
        corsError: verdict.chromiumReportsCorsError === false ? undefined : verdict.corsError,
        failedParameter: verdict.chromiumReportsCorsError === false ? undefined : verdict.failedParameter,
        preflightRequired: verdict.preflightRequired,
      };
      const theirs = {
        allowed: browser.allowed,
        readable: browser.readable,
        corsError: browser.corsError,
        failedParameter: browser.corsError ? browser.failedParameter : undefined,
        preflightRequired: sentPreflight,
      };
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        disagreements.push(
          `${c.name}: chromium ${JSON.stringify(theirs)}${browser.netError ? ` (${browser.netError})` : ''} headers as observed ${JSON.stringify(browser.headerOrder)}\n    engine   ${JSON.stringify(ours)}\n    exchange ${JSON.stringify(exchange)}`,
        );
      }
    });
    const blocked = outcomes.filter((o) => !o.allowed).length;
    const errors = new Set(outcomes.map((o) => o.corsError).filter(Boolean));
    console.log(
      `differential: ${cases.length} exchanges, ${cases.length - blocked} allowed, ${blocked} blocked, ${errors.size} distinct CorsErrors (${[...errors].sort().join(', ')}); ${disagreements.length} disagreements`,
    );
    if (disagreements.length) console.log(disagreements.slice(0, 25).join('\n'));
    expect(preflightMismatch, 'preflight sent vs preflightRequired').toBe(0);
    expect(disagreements).toEqual([]);
  });
});
