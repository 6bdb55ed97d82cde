// Observing in Firefox ESR: the lab's scenarios become exactly the exchanges Chromium logs (count, pairing,
// verdict), although Firefox reports a simple CORS failure as a completed request with no error event; parallel
// identical requests pair one to one; a cached preflight and a refused preflight are told apart.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedExchange } from '../../src/shared/panel-protocol';
import { type FirefoxSession, launchFirefox } from '../harness/firefox';
import { openLabPage, runAllLabScenarios } from '../harness/lab-page';
import { allowedPutUrl, parallelPuts, refusedPutUrl } from '../harness/observe-specs';
import { scenarioOf, subscribeToTab, waitForEntries } from '../harness/panel-stream';
import { pollUntil } from '../harness/poll';
import { waitForMirrored } from '../harness/session-mirror';
import { scenarios } from '../lab/scenarios.mjs';
import { type Lab, startLab } from '../lab/server.mjs';
import { specUrl } from '../lab/spec.mjs';

describe('Firefox ESR: capture while a panel is connected', () => {
  let lab: Lab;
  let firefox: FirefoxSession;
  let labPage: Page;
  let extPage: Page;
  let tabId: number;

  beforeAll(async () => {
    lab = await startLab();
    firefox = await launchFirefox({ grantHosts: true });
    labPage = await firefox.newPage();
    await openLabPage(labPage, lab.pageOrigin);
    extPage = firefox.extensionPage;
    // Firefox match patterns with a port match nothing (platform-facts): find the lab's tab by its URL instead.
    const found = (await extPage.evaluate(
      `browser.tabs.query({}).then((tabs) => tabs.find((t) => (t.url ?? '').startsWith('${lab.pageOrigin}/'))?.id)`,
    )) as number | undefined;
    if (found === undefined) throw new Error('the lab tab is not visible to the extension');
    tabId = found;
    await subscribeToTab(extPage, tabId);
  });
  afterAll(async () => {
    await firefox?.close();
    await lab?.close();
  });

  const finished = (es: LoggedExchange[], id: string) =>
    es.filter((e) => scenarioOf(e) === id && e.record.outcome !== 'pending');

  it('turns every lab scenario into one exchange with the verdict Chromium gives', async () => {
    const outcomes = await runAllLabScenarios(labPage);
    const expected = scenarios(lab);
    const entries = await waitForEntries(
      extPage,
      (es) => expected.every((s) => finished(es, s.name).length > 0),
      'an exchange per scenario',
    );
    for (const scenario of expected) {
      const { name } = scenario;
      const mine = entries.filter((e) => scenarioOf(e) === name);
      expect(mine, name).toHaveLength(1);
      const [entry] = mine;
      // The browser agrees with the scenario's expectation, so the verdict below is checked against the truth.
      expect(outcomes[name]?.allowed, `${name}: Firefox's own outcome`).toBe(scenario.expect === 'allowed');
      // credentials: 'include' without cookies looks uncredentialed on the wire, and Firefox reports the refused
      // response as completed: only the hook in the page, which saw the fetch() call, knows the mode.
      if (name === 'credentials-wildcard') {
        expect(entry?.record.request.credentials, name).toBe('omit-or-same-origin');
        expect(entry?.record.page?.credentials, name).toBe('include');
      }
      expect(entry?.verdict.allowed, name).toBe(scenario.expect === 'allowed');
      expect(entry?.verdict.corsError, name).toBe(scenario.corsError);
    }
    for (const name of [
      'json-put-preflight',
      'json-put-allowed',
      'preflight-405',
      'custom-header-not-allowed',
      'method-not-allowed',
    ]) {
      const entry = entries.find((e) => scenarioOf(e) === name);
      expect(entry?.record.preflight?.response?.status, `${name} has its preflight`).toBeDefined();
    }
    expect(entries.find((e) => scenarioOf(e) === 'simple-get-no-acao')?.record.preflight).toBeUndefined();
    expect(entries.find((e) => scenarioOf(e) === 'redirect-cross-origin')?.record.hops).toHaveLength(1);
    // The badge counts the tab's blocked exchanges, in red (set asynchronously: poll until it agrees).
    const blocked = expected.filter((s) => s.expect === 'blocked').length;
    const badge = () =>
      extPage.evaluate(`(async () => ({
        text: await browser.action.getBadgeText({ tabId: ${tabId} }),
        color: await browser.action.getBadgeBackgroundColor({ tabId: ${tabId} }),
      }))()`) as Promise<{ text: string; color: number[] }>;
    const shown = await pollUntil(badge, (b) => b.text === String(blocked));
    expect(shown).toEqual({ text: String(blocked), color: [198, 40, 40, 255] });
  });

  it('pairs 20 identical parallel preflighted requests one to one', async () => {
    const url = allowedPutUrl(lab.apiOrigins[0] as string, lab.pageOrigin, 'parallel');
    expect(await labPage.evaluate(`(${parallelPuts})(${JSON.stringify(url)}, 20)`)).toBe(20);
    const entries = await waitForEntries(
      extPage,
      (es) => finished(es, 'parallel').length >= 20,
      '20 parallel exchanges',
    );
    const mine = entries.filter((e) => scenarioOf(e) === 'parallel');
    expect(mine).toHaveLength(20);
    const sent = mine.map((e) => e.record.preflight?.requestId).filter(Boolean);
    expect(new Set(sent).size).toBe(sent.length);
    // As many exchanges carry a preflight as the server received.
    expect(sent).toHaveLength(lab.requests().filter((r) => r.method === 'OPTIONS' && r.url === url).length);
    for (const e of mine)
      expect(e.record.preflight !== undefined || e.record.preflightCached === true).toBe(true);
    expect(mine.every((e) => e.verdict.allowed && e.record.outcome === 'completed')).toBe(true);
  });

  it('tells a sent preflight from one answered by the preflight cache (Access-Control-Max-Age), as the server saw', async () => {
    const url = allowedPutUrl(lab.apiOrigins[0] as string, lab.pageOrigin, 'max-age', 600);
    const put = `(${parallelPuts})(${JSON.stringify(url)}, 1, 'default')`;
    expect(await labPage.evaluate(put)).toBe(1);
    expect(await labPage.evaluate(put)).toBe(1);
    const entries = await waitForEntries(
      extPage,
      (es) => finished(es, 'max-age').length >= 2,
      'two exchanges',
    );
    const mine = entries.filter((e) => scenarioOf(e) === 'max-age');
    expect(mine).toHaveLength(2);
    const [first, second] = mine.sort((a, b) => a.record.startedAt - b.record.startedAt);
    expect(first?.record.preflight?.response?.status).toBe(204);
    // Firefox 153 under automation sends the second preflight anyway (Chromium uses its cache): either way, the
    // exchange must say what the server saw.
    const preflightsSent = lab.requests().filter((r) => r.method === 'OPTIONS' && r.url === url).length;
    if (preflightsSent === 2) expect(second?.record.preflight?.response?.status).toBe(204);
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
    const entries = await waitForEntries(
      extPage,
      (es) => finished(es, 'refused').length >= 1,
      'the exchange',
    );
    const mine = entries.filter((e) => scenarioOf(e) === 'refused');
    expect(mine).toHaveLength(1);
    expect(mine[0]?.record.preflight?.response?.status).toBe(204);
    expect(mine[0]?.record.response).toBeUndefined();
    expect(mine[0]?.verdict.allowed).toBe(false);
    expect(mine[0]?.verdict.corsError).toBe('PreflightMissingAllowOriginHeader');
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
    await waitForEntries(extPage, (es) => finished(es, 'secret').length > 0, 'the secret exchange');
    // The mirror is written in batches: wait until it holds the exchange, then look for the secrets.
    const stored = await waitForMirrored(extPage, ['secret']);
    expect(stored).toContain(url.split('?s=')[1] as string);
    expect(stored).not.toContain('s3cr3t-token');
    expect(stored).not.toContain('s3cr3t-cookie');
    expect(stored).toContain('<redacted>');
  });

  it('records both verdicts when an override made the difference', async () => {
    const api2 = lab.apiOrigins[1] as string;
    const result = (await extPage.evaluate(
      `browser.runtime.sendMessage({ type: 'rules/allow', pageOrigin: '${lab.pageOrigin}', target: '${api2}' })`,
    )) as { ok: boolean };
    expect(result.ok).toBe(true);
    let allowed = false;
    const deadline = Date.now() + 20_000;
    for (let i = 0; !allowed && Date.now() < deadline; i++) {
      const url = specUrl(api2, { id: `overridden-${i}` });
      allowed =
        (await labPage.evaluate(`fetch(${JSON.stringify(url)}).then((r) => r.ok, () => false)`)) === true;
      if (!allowed) await new Promise((r) => setTimeout(r, 100));
    }
    expect(allowed).toBe(true);
    const pick = (es: LoggedExchange[]) =>
      es.find(
        (e) => scenarioOf(e)?.startsWith('overridden-') && e.record.outcome === 'completed' && e.override,
      );
    const entry = pick(
      await waitForEntries(extPage, (es) => pick(es) !== undefined, 'the overridden exchange'),
    );
    // Firefox shows extensions the headers after the override rewrote them: the server's own verdict cannot be
    // known, and the entry says so instead of claiming one.
    expect(entry?.override?.serverHeadersUnseen).toBe(true);
    expect(entry?.override?.verdict.allowed).toBe(true);
    expect(entry?.override?.label).toBe(`${new URL(lab.pageOrigin).host} → ${new URL(api2).host}`);
  });
});
