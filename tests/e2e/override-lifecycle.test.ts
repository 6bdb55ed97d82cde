// An override's life: the toolbar shows it while it is active; it keeps applying while the background is stopped
// (Chromium stops an idle service worker at any moment, Firefox suspends an idle event page) and after the
// background starts again; a timed rule expires on time through the alarms API even though the background that
// scheduled the expiry, and its timer, are gone. The short lifetime is set through the stored model (the rule's
// expiresAt), not through a lifetime the UI offers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserName,
  type BrowserUnderTest,
  launchBrowserUnderTest,
  type WebPage,
} from '../harness/browser-under-test';
import { fileSteps, pollUntil } from '../harness/poll';
import { type Lab, startLab } from '../lab/server.mjs';
import {
  allowInPopup,
  backgroundStartedAt,
  badgeText,
  expireRulesIn,
  POPUP,
  popupPath,
  sessionRules,
  tryPut,
} from './override-helpers';

describe.each<BrowserName>(['chromium', 'firefox'])(
  '%s: badge, background restart and expiry of an override',
  (name) => {
    let lab: Lab;
    let browser: BrowserUnderTest;
    let labPage: WebPage;
    const api = () => lab.apiOrigins[0] as string;
    const put = () => tryPut(labPage, api());
    const ext = () => browser.extension;
    const ruleCount = async () => (await sessionRules(ext())).length;
    const badge = () =>
      ext().evaluate<{ text: string; title: string }>(`(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      return { text: await api.action.getBadgeText({}), title: await api.action.getTitle({}) };
    })()`);
    const alarmCount = () =>
      ext().evaluate<number>(
        '(globalThis.browser ?? globalThis.chrome).alarms.getAll().then((a) => a.length)',
      );
    const steps = fileSteps();
    const openPopup = async () => {
      const popup = await browser.openExtensionPage(popupPath(0, lab.pageOrigin));
      await popup.waitFor(POPUP.enabledSwitch);
      return popup;
    };
    const allow = async () => {
      const popup = await openPopup();
      await allowInPopup(popup, api());
      await popup.waitFor(POPUP.banner);
      return popup;
    };

    beforeAll(async () => {
      lab = await startLab();
      browser = await launchBrowserUnderTest(name, { hostAccess: 'asked', stopsBackground: true });
      labPage = await browser.newPage();
      await labPage.goto(`${lab.pageOrigin}/`);
    });
    afterAll(async () => {
      await browser?.close();
      await lab?.close();
    });

    it('the badge and title show override state exactly while a rule is active', async () => {
      expect(await badge()).toEqual({ text: '', title: 'CORS Lens' });
      const popup = await allow();
      expect(
        await pollUntil(badge, (b) => b.text === 'ON' && b.title.includes('1 override active')),
      ).toMatchObject({ text: 'ON', title: expect.stringContaining('1 override active') });
      await popup.setChecked(POPUP.enabledSwitch, false);
      expect(await pollUntil(badge, (b) => b.text === '' && b.title === 'CORS Lens')).toEqual({
        text: '',
        title: 'CORS Lens',
      });
      await popup.setChecked(POPUP.enabledSwitch, true);
      await expect.poll(() => badgeText(ext())).toBe('ON');
      await popup.close(); // an open popup talks to the background and would keep it awake
      steps.done('badge');
    });

    it('the rule keeps applying while the background is stopped and after it restarts, stays listed and can still be removed', async () => {
      steps.require('badge'); // which made the rule
      await expect.poll(put).toBe(true);
      const before = await backgroundStartedAt(ext());
      await browser.stopBackground();
      expect(await put()).toBe(true);
      // The ping wakes a new background: proof that the old one was really stopped.
      await expect.poll(async () => (await backgroundStartedAt(ext())) !== before).toBe(true);
      await expect.poll(put).toBe(true);
      await expect.poll(ruleCount).toBe(1);
      await expect.poll(() => badgeText(ext())).toBe('ON');
      const popup = await openPopup();
      await expect.poll(() => popup.text(POPUP.banner)).toContain('1 override active');
      await popup.click(POPUP.button('Remove', `${lab.pageOrigin} → ${api()}`));
      await expect.poll(ruleCount).toBe(0);
      await expect.poll(put).toBe(false);
      await expect.poll(() => badgeText(ext())).toBe('');
      await popup.close();
    });

    it('a timed rule expires through the alarm, with its background stopped meanwhile, and the block is back', async () => {
      const popup = await allow();
      await popup.close(); // an open popup would itself ask the background at expiry; leave it to the alarm
      await expect.poll(put).toBe(true);
      // Expire in 8 s: time enough for Firefox to suspend the idle event page first, timer and all.
      await expireRulesIn(ext(), 8_000);
      const startedAt = await backgroundStartedAt(ext());
      await expect.poll(alarmCount).toBe(1);
      // The background's own timer dies with it: only the alarm can end the rule now.
      await browser.stopBackground();

      await expect.poll(put, { timeout: 60_000 }).toBe(false);
      await expect.poll(ruleCount).toBe(0);
      await expect.poll(() => badgeText(ext())).toBe('');
      // Only the fetches ran meanwhile, which do not wake the background: a new instance means the alarm brought
      // the background back to end the rule.
      expect(await backgroundStartedAt(ext())).not.toBe(startedAt);
      const after = await openPopup();
      await expect.poll(() => after.text(POPUP.ruleState)).toBe('expired');
      expect(await after.count(POPUP.banner)).toBe(0);
      await after.close();
    });
  },
);
