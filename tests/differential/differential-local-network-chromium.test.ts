// Chromium is the oracle for Local Network Access too. A second Chromium, told by --ip-address-space-overrides
// that the lab's public page is a public address, runs every generated request from that page (secure, and as
// http://lab.test: not a secure context) to the lab's API on loopback, with CORS Lens capturing. Chromium's own
// verdict comes from CDP (Network.loadingFailed.corsErrorStatus); CORS Lens's comes from what webRequest showed it
// (its capture, its records, its engine) and must agree on allowed, corsError and failedParameter. The requests
// must never reach the server, whatever it would have answered.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CdpFailure, collectCdpFailures } from '../harness/cdp-verdicts';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { scenarioOf, subscribeToTab, waitForEntries } from '../harness/panel-stream';
import { chromiumPublicPageArgs } from '../lab/local-network-flags.mjs';
import { type Lab, startLab } from '../lab/server.mjs';
import { specUrl } from '../lab/spec.mjs';
import { generateLocalNetworkMatrix, type LocalNetworkCase } from './matrix-gen/local-network-matrix';
import { withPage } from './matrix-gen/matrix';

// A host name for the public page that is not potentially trustworthy, so the page is not a secure context.
const INSECURE_HOST = 'lab.test';

describe('differential: Local Network Access verdicts agree with Chromium', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  const matrix = generateLocalNetworkMatrix();
  beforeAll(async () => {
    lab = await startLab();
    chromium = await launchChromium({
      grantHosts: true,
      extraArgs: [...chromiumPublicPageArgs(lab), `--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`],
    });
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  async function runPage(origin: string, cases: LocalNetworkCase[]) {
    const page: Page = await chromium.newPage();
    const cdp = await chromium.context.newCDPSession(page);
    await cdp.send('Network.enable');
    const failures = collectCdpFailures(cdp);
    await page.goto(`${origin}/lab-config.json`);
    const ext = await chromium.openExtensionPage('src/welcome/index.html');
    const tabId = (await ext.evaluate(
      `chrome.tabs.query({}).then((tabs) => tabs.find((t) => (t.url ?? '').startsWith('${origin}/'))?.id)`,
    )) as number;
    await subscribeToTab(ext, tabId);
    const inputs = cases.map((c) => ({
      url: specUrl(lab.apiOrigins[0] as string, {
        id: c.name,
        preflight: withPage(c.preflight, origin),
        response: withPage(c.response, origin),
      }),
      init: {
        method: c.method,
        headers: c.headers,
        credentials: c.credentials,
        cache: 'no-store',
        ...(c.targetAddressSpace ? { targetAddressSpace: c.targetAddressSpace } : {}),
      },
    }));
    const allowed = (await page.evaluate(`(async (list) => {
      const out = [];
      for (let i = 0; i < list.length; i += 6)
        out.push(...(await Promise.all(list.slice(i, i + 6).map(({ url, init }) =>
          fetch(url, init).then((r) => r.arrayBuffer().then(() => true), () => false)))));
      return out;
    })(${JSON.stringify(inputs)})`)) as boolean[];
    const entries = await waitForEntries(
      ext,
      (es) => cases.every((c) => es.some((e) => scenarioOf(e) === c.name && e.record.outcome !== 'pending')),
      'an exchange per case',
    );
    // loadingFailed may trail the rejected fetch.
    for (let waited = 0; waited < 10_000 && cases.some((c) => !failures.has(c.name)); waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    await ext.close();
    await page.close();
    return { allowed, entries, failures, urls: inputs.map((i) => i.url) };
  }

  it(`runs ${matrix.length} requests from a public page and agrees on every verdict`, async () => {
    expect(matrix.length).toBeGreaterThanOrEqual(60);
    const port = new URL(lab.publicPageOrigin).port;
    const origins = { secure: lab.publicPageOrigin, insecure: `http://${INSECURE_HOST}:${port}` };
    const disagreements: string[] = [];
    const seen = new Map<string, number>();
    for (const kind of ['secure', 'insecure'] as const) {
      const cases = matrix.filter((c) => c.page === kind);
      const { allowed, entries, failures, urls } = await runPage(origins[kind], cases);
      cases.forEach((c, i) => {
        const entry = entries.find((e) => scenarioOf(e) === c.name);
        const cdp: CdpFailure | undefined = failures.get(c.name);
        const theirs = {
          allowed: allowed[i],
          corsError: cdp?.corsError,
          failedParameter: cdp ? '' : undefined,
        };
        const ours = {
          allowed: entry?.verdict.allowed,
          corsError: entry?.verdict.corsError,
          failedParameter: entry?.verdict.failedParameter,
        };
        seen.set(`${kind}: ${cdp?.corsError}`, (seen.get(`${kind}: ${cdp?.corsError}`) ?? 0) + 1);
        if (JSON.stringify(ours) !== JSON.stringify(theirs))
          disagreements.push(
            `${c.name}: chromium ${JSON.stringify(theirs)} (${cdp?.errorText})\n    engine   ${JSON.stringify(ours)}\n    record   ${JSON.stringify({ error: entry?.record.error, preflight: entry?.record.preflight?.error })}`,
          );
        // Never reached the server: Local Network Access refuses before the connection is used.
        if (lab.requests().some((r) => r.url === urls[i]))
          disagreements.push(`${c.name}: the lab received it`);
      });
    }
    console.log(
      `differential (Local Network Access): ${matrix.length} exchanges, ${disagreements.length} disagreements; Chromium said ${[...seen].map(([k, n]) => `${k} ×${n}`).join(', ')}`,
    );
    if (disagreements.length) console.log(disagreements.slice(0, 25).join('\n'));
    expect(disagreements).toEqual([]);
  });
});
