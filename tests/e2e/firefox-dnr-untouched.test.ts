// Firefox only: the first declarativeNetRequest call of an extension, even a read, makes Firefox evaluate DNR in its
// parent process for every request until the extension stops (ExtensionDNR.getRuleManager creates the extension's
// rule manager, which registers DNR handling with WebRequest). So a CORS Lens that never had an override, capturing
// for an open panel, must have made no such call: read from Firefox's own side, where the rule manager lives.
// Chromium keeps its DNR rulesets in C++ with no per-request cost when empty, so it is not concerned.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FirefoxSession, geckoId, launchFirefox } from '../harness/firefox';
import { openLabPage, runLabScenario, tabIdOf } from '../harness/lab-page';
import { streamedEntries, subscribeToTab } from '../harness/panel-stream';
import { pollUntil } from '../harness/poll';
import { type Lab, startLab } from '../lab/server.mjs';

let lab: Lab;
let firefox: FirefoxSession;
beforeAll(async () => {
  lab = await startLab();
  firefox = await launchFirefox({ grantHosts: true, systemAccess: true });
});
afterAll(async () => {
  await firefox?.close();
  await lab?.close();
});

/** Whether Firefox holds a DNR rule manager for CORS Lens, i.e. evaluates DNR for every request on its behalf. */
const dnrEvaluated = () =>
  (firefox.chrome as NonNullable<FirefoxSession['chrome']>)<boolean>(`(() => {
    const { ExtensionDNR } = ChromeUtils.importESModule('resource://gre/modules/ExtensionDNR.sys.mjs');
    const extension = WebExtensionPolicy.getByID(${JSON.stringify(geckoId)}).extension;
    return ExtensionDNR.getRuleManager(extension, false) !== undefined;
  })()`);

it('capturing for an open panel, with no override ever, leaves DNR untouched', async () => {
  const page = await firefox.newPage();
  await openLabPage(page, lab.pageOrigin);
  await subscribeToTab(firefox.extensionPage, await tabIdOf(firefox.extensionPage, lab.pageOrigin));
  // The popup and the panel read the rules as they open: that must not reach DNR either.
  expect(
    await firefox.extensionPage.evaluate(`browser.runtime.sendMessage({ type: 'rules/get' })`),
  ).toMatchObject({ ok: true });
  expect((await runLabScenario(page, 'simple-get-allowed')).allowed).toBe(true);
  await pollUntil(
    () => streamedEntries(firefox.extensionPage),
    (entries) => entries.length > 0,
  );
  expect(await dnrEvaluated()).toBe(false);
});

it('an override goes through DNR (the check above can see it)', async () => {
  const answer = await firefox.extensionPage.evaluate(
    `browser.runtime.sendMessage({ type: 'rules/allow', pageOrigin: ${JSON.stringify(lab.pageOrigin)}, target: ${JSON.stringify(lab.apiOrigins[0])}, lifetime: '15m' })`,
  );
  expect(answer).toMatchObject({ ok: true });
  expect(await dnrEvaluated()).toBe(true);
});
