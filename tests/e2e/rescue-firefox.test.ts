// Firefox cannot answer a preflight for an extension (measured on ESR 153: redirecting the OPTIONS request from
// webRequest or DNR is refused as "CORS request external redirect not allowed", header changes cannot change a
// status, filterResponseData only sees the body). The build does not ask for the debugger permission there, the
// popup says so in one sentence where the option would be, and a rule carrying the option (e.g. imported from
// Chromium) changes nothing: a refused preflight stays refused, no extra DNR rule is installed.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesView } from '../../src/shared/messages';
import { CANNOT_ANSWER_PREFLIGHTS } from '../../src/shared/ui/rescue-explanation';
import { type FirefoxSession, launchFirefox } from '../harness/firefox';
import { type Lab, startLab } from '../lab/server.mjs';
import { pollFor, popupPath, tryPut } from './override-helpers';
import { refusedPreflight } from './rescue-helpers';

type Ext = { browser: typeof chrome };

describe('Firefox ESR: no answering of preflights, said once', () => {
  let lab: Lab;
  let firefox: FirefoxSession;
  let labPage: Page;
  let ruleId: string | undefined;
  const api = () => lab.apiOrigins[0] as string;
  const send = (message: Record<string, unknown>) =>
    firefox.extensionPage.evaluate(
      (m) => (globalThis as unknown as Ext).browser.runtime.sendMessage(m),
      message,
    ) as Promise<{ ok: boolean; value?: { id: string }; view: RulesView }>;

  beforeAll(async () => {
    lab = await startLab();
    firefox = await launchFirefox({ grantHosts: true });
    labPage = await firefox.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
  });
  afterAll(async () => {
    await firefox?.close();
    await lab?.close();
  });

  it('the Firefox build asks for no debugger permission, and the background says it cannot answer', async () => {
    const manifest = (await firefox.extensionPage.evaluate(() =>
      (globalThis as unknown as Ext).browser.runtime.getManifest(),
    )) as { permissions?: string[]; optional_permissions?: string[] };
    expect([...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])]).not.toContain(
      'debugger',
    );
    const answer = await send({
      type: 'rules/allow',
      pageOrigin: lab.pageOrigin,
      target: api(),
      credentials: true,
    });
    expect(answer.ok).toBe(true);
    ruleId = answer.value?.id;
    expect(answer.view.rescue).toEqual({ supported: false, granted: false, tabsByRule: {} });
  });

  it('a rule with the option on still leaves a refused preflight refused, with no extra DNR rule', async () => {
    const on = await send({ type: 'rules/set-answer-preflights', id: ruleId, enabled: true });
    expect(on.ok).toBe(true);
    expect(await pollFor(() => tryPut(labPage, api()), true)).toBe(true); // the override itself applies
    expect(await tryPut(labPage, api(), refusedPreflight(401, api()))).toBe(false);
    expect(await tryPut(labPage, api(), refusedPreflight(302, api()))).toBe(false);
    const rules = await firefox.extensionPage.evaluate(() =>
      (globalThis as unknown as Ext).browser.declarativeNetRequest.getSessionRules(),
    );
    expect(rules).toHaveLength(1);
  });

  it('the popup says why in one sentence, where the option would be, and offers no option', async () => {
    const tabId = await firefox.extensionPage.evaluate(
      (origin) =>
        (globalThis as unknown as Ext).browser.tabs
          .query({})
          .then((tabs) => tabs.find((t) => t.url?.startsWith(origin))?.id ?? -1),
      lab.pageOrigin,
    );
    const popup = await firefox.openExtensionPage(popupPath(tabId, lab.pageOrigin));
    const sentence = await popup.waitForSelector('[data-testid="cannot-answer-preflights"]');
    expect(await sentence?.evaluate((e) => e.textContent)).toBe(CANNOT_ANSWER_PREFLIGHTS);
    expect(await popup.$$('input[aria-label^="Answer preflights for"]')).toHaveLength(0);
  });
});
