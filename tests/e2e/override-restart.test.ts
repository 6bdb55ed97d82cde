// Lifetimes across a browser restart: an "until browser restart" rule (a session rule) is gone after the browser
// restarts with the same profile, a pinned one (a dynamic rule) still applies (and the badge says so). Both rules
// are made through the popup's lifetime choice; editing a lifetime moves a rule between the two sets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserName,
  type BrowserUnderTest,
  launchBrowserUnderTest,
  type WebPage,
} from '../harness/browser-under-test';
import type { ExtensionPage } from '../harness/extension-page';
import { fileSteps, pollUntil } from '../harness/poll';
import { type Lab, startLab } from '../lab/server.mjs';
import {
  allowInPopup,
  badgeText,
  dynamicRules,
  POPUP,
  popupPath,
  sessionRules,
  tryPut,
} from './override-helpers';

describe.each<BrowserName>(['chromium', 'firefox'])(
  '%s: "until browser restart" and pinned rules across a restart',
  (name) => {
    let lab: Lab;
    let browser: BrowserUnderTest;
    let labPage: WebPage;
    const sessionApi = () => lab.apiOrigins[0] as string;
    const pinnedApi = () => lab.apiOrigins[1] as string;
    const ruleName = (target: string) => `${lab.pageOrigin} → ${target}`;
    // The tests continue from each other's rules and browser (vitest runs a file's tests in order).
    const steps = fileSteps();
    const scopes = async () => ({
      session: (await sessionRules(browser.extension)).map((r) => r.condition.urlFilter),
      dynamic: (await dynamicRules(browser.extension)).map((r) => r.condition.urlFilter),
    });
    const openLab = async () => {
      labPage = await browser.newPage();
      await labPage.goto(`${lab.pageOrigin}/`);
    };
    const openPopup = () => browser.openExtensionPage(popupPath(0, lab.pageOrigin));
    const allow = async (popup: ExtensionPage, target: string, lifetime: string) => {
      await allowInPopup(popup, target, { lifetime });
      await popup.waitFor(POPUP.ruleName, ruleName(target));
    };

    beforeAll(async () => {
      lab = await startLab();
      browser = await launchBrowserUnderTest(name, { hostAccess: 'asked', restartable: true });
      await openLab();
    });
    afterAll(async () => {
      await browser?.close();
      await lab?.close();
    });

    it('before the restart both rules apply', async () => {
      const popup = await openPopup();
      await allow(popup, sessionApi(), 'until browser restart');
      await allow(popup, pinnedApi(), 'pinned (no expiry)');
      await expect.poll(() => tryPut(labPage, sessionApi())).toBe(true);
      await expect.poll(() => tryPut(labPage, pinnedApi())).toBe(true);
      expect(await scopes()).toEqual({ session: [`|${sessionApi()}/`], dynamic: [`|${pinnedApi()}/`] });
      steps.done('before the restart');
    });

    it('after the restart the "until restart" rule is gone and the pinned one applies again', async () => {
      steps.require('before the restart'); // which made both rules
      browser = await browser.restart();
      await openLab();
      await expect.poll(() => tryPut(labPage, pinnedApi()), { timeout: 20_000 }).toBe(true);
      expect(await tryPut(labPage, sessionApi())).toBe(false);
      // The pinned rule is a dynamic rule (it survived the restart by itself); no session rule is left.
      expect(await scopes()).toEqual({ session: [], dynamic: [`|${pinnedApi()}/`] });
      await expect.poll(() => badgeText(browser.extension)).toBe('ON');
      const popup = await openPopup();
      await popup.waitFor(POPUP.ruleName, ruleName(pinnedApi()));
      expect(await popup.text()).not.toContain(ruleName(sessionApi()));
      steps.done('after the restart');
    });

    it('a rule moves between the dynamic and the session set when its lifetime is edited, and keeps applying', async () => {
      steps.require('after the restart'); // whose browser and pinned rule this test uses
      const popup = await openPopup();
      await allow(popup, sessionApi(), '1 hour');
      const editLifetime = async (target: string, lifetime: string) => {
        await popup.click(POPUP.button('Edit', ruleName(target)));
        await popup.select('#rule-lifetime', { label: lifetime });
        await popup.click('form.editor button', 'Save');
        await popup.waitFor('button', 'New rule…');
      };
      /** Polls until the rule sets equal `want` (the DNR update follows the save asynchronously). */
      const scopesBecome = (want: { session: string[]; dynamic: string[] }) =>
        pollUntil(scopes, (seen) => JSON.stringify(seen) === JSON.stringify(want));
      await editLifetime(pinnedApi(), '1 hour');
      const timed = { session: [`|${sessionApi()}/`, `|${pinnedApi()}/`], dynamic: [] };
      expect(await scopesBecome(timed)).toEqual(timed);
      await expect.poll(() => tryPut(labPage, pinnedApi())).toBe(true);
      await editLifetime(pinnedApi(), 'pinned (no expiry)');
      const pinned = { session: [`|${sessionApi()}/`], dynamic: [`|${pinnedApi()}/`] };
      expect(await scopesBecome(pinned)).toEqual(pinned);
      await expect.poll(() => tryPut(labPage, pinnedApi())).toBe(true);
      await expect.poll(() => tryPut(labPage, sessionApi())).toBe(true);
    });
  },
);
