// Counting, in real Chromium, what answering preflights changes over a generated set of exchanges
// (rescue-set/rescue-cases.ts), each run four ways in one browser:
//   without  no override at all (what the servers alone allow)
//   override the override rule alone (headers rewritten, no preflight answered)
//   fixed    the override rule alone, the server answering the preflight 204 instead (what a server fix gives)
//   rescue   the override rule with "answer preflights" on
// Chromium decides every outcome (the fetch resolves or rejects). The exchanges that fail "only at the
// preflight's status" are those blocked under `override` that pass under `fixed`: every one must pass under
// `rescue`, and none that passed under `override` or `without` may fail. Stronger: under `rescue` each exchange
// ends exactly as under `fixed` when its server refused the preflight, and as under `override` otherwise.
// The "debugger" permission is granted at install (a granted copy of dist/chrome): Chromium cannot accept an
// extension's permission prompt under automation.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needsPreflight } from '../../src/core/cors';
import { preflightFixableByHeaders } from '../../src/core/rules';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { tabIdOf } from '../harness/lab-page';
import { type Lab, startLab } from '../lab/server.mjs';
import { type LabResponse, specUrl } from '../lab/spec.mjs';
import { pollFor } from './override-helpers';
import { attachedTo, message } from './rescue-helpers';
import {
  generateRescueCases,
  PAGE,
  type RescueCase,
  RULE_HEADERS,
  RULE_METHODS,
  withOkPreflight,
} from './rescue-set/rescue-cases';

type Config = 'without' | 'override' | 'fixed' | 'rescue';

function withPage(response: LabResponse, page: string): LabResponse {
  return { ...response, headers: response.headers?.map(([n, v]) => [n, v.replaceAll(PAGE, page)]) };
}

/** Runs the cases from the page, eight at a time; true where script could read the response. */
async function outcomes(page: Page, lab: Lab, cases: RescueCase[], config: Config): Promise<boolean[]> {
  const api = lab.apiOrigins[0] as string;
  const inputs = cases.map((c) => {
    const run = config === 'fixed' ? withOkPreflight(c) : c;
    return {
      url: specUrl(api, {
        id: `${c.name}-${config}`,
        preflight: withPage(run.preflight, lab.pageOrigin),
        response: withPage(run.response, lab.pageOrigin),
      }),
      method: c.method,
      headers: c.headers,
      credentials: c.credentials,
    };
  });
  return page.evaluate(async (list) => {
    const out: boolean[] = [];
    const one = async (i: number) => {
      const r = list[i] as (typeof list)[number];
      try {
        const res = await fetch(r.url, {
          method: r.method,
          headers: r.headers,
          credentials: r.credentials,
          cache: 'no-store',
        });
        await res.arrayBuffer();
        out[i] = true;
      } catch {
        out[i] = false;
      }
    };
    for (let i = 0; i < list.length; i += 8)
      await Promise.all(list.slice(i, i + 8).map((_, j) => one(i + j)));
    return out;
  }, inputs);
}

describe('Chromium: answering preflights over a generated set of exchanges', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  let ext: Page;
  let page: Page;
  const cases = generateRescueCases();

  beforeAll(async () => {
    lab = await startLab();
    chromium = await launchChromium({ grantHosts: true, grantDebugger: true });
    ext = await chromium.openExtensionPage('src/welcome/index.html');
    page = await chromium.newPage();
    await page.goto(`${lab.pageOrigin}/`);
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  it(`lets through every exchange that fails only at the preflight's status, and breaks none (${cases.length} exchanges)`, async () => {
    const tabId = await tabIdOf(ext, lab.pageOrigin);
    const sessionRules = () =>
      ext.evaluate(() => chrome.declarativeNetRequest.getSessionRules().then((r) => r.length));
    const without = await outcomes(page, lab, cases, 'without');

    const allowed = await message(ext, {
      type: 'rules/allow',
      pageOrigin: lab.pageOrigin,
      target: lab.apiOrigins[0],
      credentials: true,
      methods: RULE_METHODS,
      requestHeaders: RULE_HEADERS,
    });
    expect(allowed.ok).toBe(true);
    const id = (allowed.value as { id: string }).id;
    expect(await pollFor(sessionRules, 1)).toBe(1);
    const override = await outcomes(page, lab, cases, 'override');
    const fixed = await outcomes(page, lab, cases, 'fixed');

    expect((await message(ext, { type: 'rules/set-answer-preflights', id, enabled: true })).ok).toBe(true);
    expect(await pollFor(() => attachedTo(ext, tabId), true)).toBe(true);
    const rescue = await outcomes(page, lab, cases, 'rescue');

    const refused = cases.map(
      (c) =>
        needsPreflight({ method: c.method, headers: c.headers }).required &&
        !preflightFixableByHeaders(c.preflight.status ?? 204),
    );
    const onlyAtStatus = cases.filter((_, i) => refused[i] && !override[i] && fixed[i]);
    const count = (pick: (i: number) => boolean) => cases.filter((_, i) => pick(i)).length;
    const counts = {
      exchanges: cases.length,
      preflightRefused: count((i) => refused[i] === true),
      blockedWithout: count((i) => !without[i]),
      blockedWithOverride: count((i) => !override[i]),
      failOnlyAtPreflightStatus: onlyAtStatus.length,
      letThroughByRescue: count(
        (i) => refused[i] === true && !override[i] && fixed[i] === true && rescue[i] === true,
      ),
      blockedWithRescue: count((i) => !rescue[i]),
      workedWithOverrideBrokenByRescue: count((i) => override[i] === true && !rescue[i]),
      workedWithoutBrokenByRescue: count((i) => without[i] === true && !rescue[i]),
    };
    console.log(`rescue counts: ${JSON.stringify(counts)}`);

    // Rescue behaves exactly as a server that answers its preflights: as `fixed` where the server refused the
    // preflight, as `override` everywhere else.
    const differing = cases
      .map((c, i) => ({ c, i, want: refused[i] ? fixed[i] : override[i] }))
      .filter(({ i, want }) => rescue[i] !== want)
      .map(({ c, i, want }) => `${c.name}: rescue ${rescue[i]}, expected ${want} ${JSON.stringify(c)}`);
    expect(differing).toEqual([]);
    expect(counts.failOnlyAtPreflightStatus).toBeGreaterThanOrEqual(50);
    expect(counts.letThroughByRescue).toBe(counts.failOnlyAtPreflightStatus);
    expect(counts.workedWithOverrideBrokenByRescue).toBe(0);
    expect(counts.workedWithoutBrokenByRescue).toBe(0);
  });
});
