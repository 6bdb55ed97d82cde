// Observing while a panel is connected: the lab's scenarios become exactly the expected exchanges, paired with their
// preflights, with the verdicts the scenarios expect and the browser's own (Chromium: CDP corsErrorStatus), although
// Firefox reports a simple CORS failure as a completed request with no error event; parallel identical requests
// pair one to one; a cached preflight and a refused preflight are told apart; secrets never reach storage; an
// override's effect is recorded beside the server's verdict; a service-worker restart loses nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTAKE_LATEST_MS } from '../../src/background/capture/intake-windows';
import type { LoggedExchange } from '../../src/shared/panel-protocol';
import {
  type BrowserName,
  type BrowserUnderTest,
  launchBrowserUnderTest,
  type WebPage,
} from '../harness/browser-under-test';
import { openLabPage, runAllLabScenarios } from '../harness/lab-page';
import { allowedGetUrl, allowedPutUrl, parallelPuts, refusedPutUrl } from '../harness/observe-specs';
import {
  allowThroughBackground,
  expectOverriddenExchange,
  fetchUntilAllowed,
} from '../harness/overridden-exchange';
import { scenarioOf, streamCounters, subscribeToTab, waitForEntries } from '../harness/panel-stream';
import { pollUntil } from '../harness/poll';
import { waitForMirrored } from '../harness/session-mirror';
import { scenarios } from '../lab/scenarios.mjs';
import { type Lab, startLab } from '../lab/server.mjs';
import { specUrl } from '../lab/spec.mjs';

describe.each<BrowserName>(['chromium', 'firefox'])('%s: capture while a panel is connected', (name) => {
  let lab: Lab;
  let browser: BrowserUnderTest;
  let labPage: WebPage;
  let tabId: number;
  const ext = () => browser.extension;
  const finished = (es: LoggedExchange[], id: string) =>
    es.filter((e) => scenarioOf(e) === id && e.record.outcome !== 'pending');
  const preflightsTo = (url: string) => lab.requests().filter((r) => r.method === 'OPTIONS' && r.url === url);

  beforeAll(async () => {
    lab = await startLab();
    browser = await launchBrowserUnderTest(name, { hostAccess: 'granted' });
    labPage = await browser.newPage();
    await openLabPage(labPage, lab.pageOrigin);
    tabId = await browser.tabIdOf(`${lab.pageOrigin}/`);
    await subscribeToTab(ext(), tabId);
  });
  afterAll(async () => {
    await browser?.close();
    await lab?.close();
  });

  it('turns every lab scenario into one exchange with the verdict the scenario expects and the browser gives', async () => {
    const outcomes = await runAllLabScenarios(labPage);
    const expected = scenarios(lab);
    expect(Object.keys(outcomes).sort()).toEqual(expected.map((s) => s.name).sort());
    const entries = await waitForEntries(
      ext(),
      (es) => expected.every((s) => finished(es, s.name).length > 0),
      'an exchange per scenario',
    );
    for (const scenario of expected) {
      const { name: id } = scenario;
      const mine = entries.filter((e) => scenarioOf(e) === id);
      expect(mine, id).toHaveLength(1);
      const [entry] = mine;
      // The browser agrees with the scenario's expectation, so the verdict below is checked against the truth.
      expect(outcomes[id]?.allowed, `${id}: the browser's own outcome`).toBe(scenario.expect === 'allowed');
      // credentials: 'include' without cookies looks uncredentialed on the wire (webRequest does not expose the
      // mode), and Firefox reports the refused response as completed: only the hook in the page, which saw the
      // fetch() call, knows the mode.
      if (id === 'credentials-wildcard') {
        expect(entry?.record.request.credentials, id).toBe('omit-or-same-origin');
        expect(entry?.record.page?.credentials, id).toBe('include');
        // Where the lab's own script called fetch (the hook formats the stack it captured at the call).
        expect(entry?.record.page?.location, id).toMatch(
          new RegExp(`^${lab.pageOrigin.replaceAll('.', '\\.')}/[^\\s]+\\.m?js:\\d+:\\d+$`),
        );
      }
      expect(entry?.verdict.allowed, id).toBe(scenario.expect === 'allowed');
      expect(entry?.verdict.corsError, id).toBe(scenario.corsError);
      // Chromium names its own verdict (the oracle the engine is built to match); Firefox words its own reasons.
      if (name === 'chromium')
        expect(entry?.verdict.corsError, id).toBe(labPage.verdicts().get(id)?.corsError);
    }
    for (const id of [
      'json-put-preflight',
      'json-put-allowed',
      'preflight-405',
      'custom-header-not-allowed',
      'method-not-allowed',
    ]) {
      const entry = entries.find((e) => scenarioOf(e) === id);
      expect(entry?.record.preflight?.response?.status, `${id} has its preflight`).toBeDefined();
    }
    expect(entries.find((e) => scenarioOf(e) === 'simple-get-no-acao')?.record.preflight).toBeUndefined();
    expect(entries.find((e) => scenarioOf(e) === 'redirect-cross-origin')?.record.hops).toHaveLength(1);
    // Chromium's worker sends the log on the MessagePort the subscription handed it, nothing on the runtime port
    // (whose messages all pass through the browser process); Firefox's event page has no such port.
    const channels = await streamCounters(ext());
    if (name === 'chromium') expect([channels.viaPort, channels.viaStream > 0]).toEqual([0, true]);
    else expect([channels.viaPort > 0, channels.viaStream]).toEqual([true, 0]);
    // The badge counts the tab's blocked exchanges, in red (set asynchronously: poll until it agrees).
    const blocked = expected.filter((s) => s.expect === 'blocked').length;
    const badge = () =>
      ext().evaluate<{ text: string; color: number[] }>(`(async () => {
        const api = globalThis.browser ?? globalThis.chrome;
        return {
          text: await api.action.getBadgeText({ tabId: ${tabId} }),
          color: await api.action.getBadgeBackgroundColor({ tabId: ${tabId} }),
        };
      })()`);
    const shown = await pollUntil(badge, (b) => b.text === String(blocked));
    expect(shown).toEqual({ text: String(blocked), color: [198, 40, 40, 255] });
  });

  it('pairs 20 identical parallel preflighted requests one to one', async () => {
    const url = allowedPutUrl(lab.apiOrigins[0] as string, lab.pageOrigin, 'parallel');
    expect(await labPage.evaluate(`(${parallelPuts})(${JSON.stringify(url)}, 20)`)).toBe(20);
    const entries = await waitForEntries(
      ext(),
      (es) => es.filter((e) => scenarioOf(e) === 'parallel' && e.record.outcome === 'completed').length >= 20,
      '20 parallel exchanges',
    );
    const mine = entries.filter((e) => scenarioOf(e) === 'parallel');
    expect(mine).toHaveLength(20);
    // The browser may answer later preflights from its cache of the first one: every preflight that was sent is
    // attached to exactly one request; the rest say so.
    const sent = mine.map((e) => e.record.preflight?.requestId).filter(Boolean);
    expect(new Set(sent).size).toBe(sent.length);
    // As many exchanges carry a preflight as the server received.
    expect(sent).toHaveLength(preflightsTo(url).length);
    for (const e of mine)
      expect(e.record.preflight !== undefined || e.record.preflightCached === true).toBe(true);
    expect(mine.every((e) => e.verdict.allowed && e.record.outcome === 'completed')).toBe(true);
  });

  it('never writes secrets to storage.session', async () => {
    const url = specUrl(lab.apiOrigins[0] as string, {
      id: 'secret',
      preflight: {
        status: 204,
        headers: [
          ['Access-Control-Allow-Origin', lab.pageOrigin],
          ['Access-Control-Allow-Headers', 'authorization'],
        ],
      },
      response: {
        headers: [
          ['Access-Control-Allow-Origin', lab.pageOrigin],
          ['Set-Cookie', 'session=s3cr3t-cookie'],
        ],
      },
    });
    expect(
      await labPage.evaluate(
        `fetch(${JSON.stringify(url)}, { headers: { Authorization: 'Bearer s3cr3t-token' } }).then((r) => r.ok)`,
      ),
    ).toBe(true);
    await waitForEntries(ext(), (es) => finished(es, 'secret').length > 0, 'the secret exchange');
    // The mirror is written in batches: wait until it holds the exchange, then look for the secrets.
    const stored = await waitForMirrored(ext(), ['secret']);
    expect(stored).toContain(url.split('?s=')[1] as string); // the exchange is there…
    expect(stored).not.toContain('s3cr3t-token'); // …without its secrets
    expect(stored).not.toContain('s3cr3t-cookie');
    expect(stored).toContain('<redacted>');
  });

  it('tells a sent preflight from one answered by the preflight cache (Access-Control-Max-Age), as the server saw', async () => {
    const url = allowedPutUrl(lab.apiOrigins[0] as string, lab.pageOrigin, 'max-age', 600);
    const put = `(${parallelPuts})(${JSON.stringify(url)}, 1, 'default')`;
    expect(await labPage.evaluate(put)).toBe(1);
    expect(await labPage.evaluate(put)).toBe(1);
    const entries = await waitForEntries(ext(), (es) => finished(es, 'max-age').length >= 2, 'two exchanges');
    const mine = entries.filter((e) => scenarioOf(e) === 'max-age');
    expect(mine).toHaveLength(2);
    const [first, second] = mine.sort((a, b) => a.record.startedAt - b.record.startedAt);
    expect(first?.record.preflight?.response?.status).toBe(204);
    expect(first?.record.preflightCached).toBeUndefined();
    const preflightsSent = preflightsTo(url).length;
    // Chromium answers the second preflight from its cache. Firefox 153 under automation sends it anyway
    // (measured): either way, the exchange must say what the server saw.
    if (name === 'firefox' && preflightsSent === 2)
      expect(second?.record.preflight?.response?.status).toBe(204);
    else {
      expect(preflightsSent).toBe(1);
      expect(second?.record.preflight).toBeUndefined();
      expect(second?.record.preflightCached).toBe(true);
    }
    expect(second?.verdict.allowed).toBe(true);
  });

  it('logs a refused preflight with no actual request as one blocked exchange', async () => {
    const url = refusedPutUrl(lab.apiOrigins[0] as string, 'refused');
    expect(await labPage.evaluate(`(${parallelPuts})(${JSON.stringify(url)}, 1)`)).toBe(0);
    const entries = await waitForEntries(ext(), (es) => finished(es, 'refused').length >= 1, 'the exchange');
    const mine = entries.filter((e) => scenarioOf(e) === 'refused');
    expect(mine).toHaveLength(1);
    expect(
      lab
        .requests()
        .filter((r) => r.url === url)
        .map((r) => r.method),
    ).toEqual(['OPTIONS']);
    expect(mine[0]?.record.preflight?.response?.status).toBe(204);
    expect(mine[0]?.record.response).toBeUndefined();
    expect(mine[0]?.verdict.allowed).toBe(false);
    expect(mine[0]?.verdict.corsError).toBe('PreflightMissingAllowOriginHeader');
    // The browser's own verdict, which may trail the page's rejected fetch (Chromium: CDP Network.loadingFailed).
    const own = await pollUntil(
      async () => labPage.verdicts().get('refused'),
      (v) => v !== undefined,
    );
    if (name === 'chromium') expect(own?.corsError).toBe('PreflightMissingAllowOriginHeader');
    else expect(own?.console).toContain('(Reason: CORS header ‘Access-Control-Allow-Origin’ missing)');
  });

  it('records both verdicts when an override made the difference', async () => {
    const api2 = lab.apiOrigins[1] as string;
    await allowThroughBackground(ext(), lab.pageOrigin, api2);
    await fetchUntilAllowed(labPage, api2);
    await expectOverriddenExchange(name, ext(), lab.pageOrigin, api2);
  });

  // Chromium only: a service worker can be stopped at a chosen moment (the DevTools protocol's stopAllWorkers).
  // Firefox suspends its event page only after it idled (extensions.background.idle.timeout), which a burst of
  // requests never lets happen; the suspension between requests is tested in override-lifecycle.test.ts.
  if (name === 'chromium')
    it('loses at most the batch of events it had not taken when the service worker is stopped mid-burst', async () => {
      const CRASH_WINDOW_MAX = 3;
      const PACE_MS = 25;
      // The worker takes events in batches (capture-intake.ts): an abrupt stop loses the batch it had not taken, at
      // most INTAKE_LATEST_MS of events — the requests that began and ended within it, one after another.
      const LOST_MAX = Math.ceil(INTAKE_LATEST_MS / PACE_MS) + 1;
      const n = 40;
      const urls = Array.from({ length: n }, (_, i) =>
        allowedGetUrl(lab.apiOrigins[0] as string, lab.pageOrigin, `burst-${i}`),
      );
      const before = await streamCounters(ext());
      const burst = labPage.evaluate(`(async (us) => {
        let ok = 0;
        for (const u of us) {
          ok += await fetch(u, { cache: 'no-store' }).then((r) => (r.ok ? 1 : 0), () => 0);
          await new Promise((r) => setTimeout(r, ${PACE_MS}));
        }
        return ok;
      })(${JSON.stringify(urls)})`);
      // Stop the worker once the burst is under way (some requests before, most after).
      await waitForEntries(ext(), (es) => es.some((e) => scenarioOf(e) === 'burst-5'), 'the burst to start');
      await browser.stopBackground();
      expect(await burst).toBe(n);
      // The worker did stop (the port dropped) and the stream reconnected with a fresh snapshot. The burst may
      // have ended before the stop took effect: wait for the reconnect's snapshot before reading the entries.
      const after = await pollUntil(
        () => streamCounters(ext()),
        (c) => c.disconnects > before.disconnects && c.snapshots > before.snapshots,
      );
      expect(after.disconnects).toBeGreaterThan(before.disconnects);
      expect(after.snapshots).toBeGreaterThan(before.snapshots);
      const names = urls.map((_, i) => `burst-${i}`);
      const shown = (es: LoggedExchange[], id: string) => es.some((e) => scenarioOf(e) === id);
      // Every request shows up but those of the one batch lost, and all but a few have ended with a verdict. Chromium drops the events it was
      // dispatching to the worker while the stop takes effect (a crash window; two requests of 40 were seen in it):
      // their rows are known only as far as the workers got — still pending (CORS Lens ends them after a minute,
      // saying so) or ended with their response headers unseen — and are never judged on headers not seen.
      const unjudged = (e: LoggedExchange | undefined) =>
        e === undefined || e.record.outcome === 'pending' || e.record.incomplete === 'headers-unseen';
      const unfinished = (es: LoggedExchange[]) =>
        names.filter(
          (id) => shown(es, id) && finished(es, id).every((e) => e.record.incomplete === 'headers-unseen'),
        );
      const entries = await waitForEntries(
        ext(),
        // The last request ended in the new worker: every event before it has been taken too.
        (es) =>
          finished(es, names.at(-1) as string).length > 0 &&
          names.filter((id) => shown(es, id)).length >= n - LOST_MAX &&
          unfinished(es).length <= CRASH_WINDOW_MAX,
        'every request of the burst but one batch',
      );
      // What was lost is one run of consecutive requests: the batch the stopped worker had not taken.
      const lost = names.flatMap((id, i) => (shown(entries, id) ? [] : [i]));
      expect(lost.length).toBeLessThanOrEqual(LOST_MAX);
      if (lost.length > 0) expect((lost.at(-1) as number) - (lost[0] as number) + 1).toBe(lost.length);
      for (const id of names) {
        if (!shown(entries, id)) continue;
        const mine = entries.filter((e) => scenarioOf(e) === id);
        expect(mine, id).toHaveLength(1);
        if (unjudged(mine[0])) continue;
        expect(mine[0]?.record.outcome, id).toBe('completed');
        expect(mine[0]?.verdict.allowed, id).toBe(true);
      }
    });
});
