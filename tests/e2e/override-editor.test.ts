// The popup's rule editor and countdown: invalid fields are named next to the field and nothing is saved; a valid
// rule's options take effect (an allowed custom header, an exposed response header); an expired rule is revived
// with "Extend"; the popup fits 400×600 without horizontal scrolling and is keyboard-operable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserName,
  type BrowserUnderTest,
  launchBrowserUnderTest,
  type WebPage,
} from '../harness/browser-under-test';
import type { ExtensionPage } from '../harness/extension-page';
import { type Lab, startLab } from '../lab/server.mjs';
import { specUrl } from '../lab/spec.mjs';
import { expireRulesIn, openLabAndPopup, POPUP, storedRules, tryPut } from './override-helpers';

/** The editor's fields: id → label. */
const FIELDS = {
  'rule-pageOrigin': 'Page origin',
  'rule-target': 'Target (origin or URL prefix)',
  'rule-methods': 'Methods',
  'rule-requestHeaders': 'Request headers to allow',
  'rule-exposeHeaders': 'Response headers to expose',
  'rule-maxAge': 'Preflight max-age (seconds)',
};
type Field = keyof typeof FIELDS;

describe.each<BrowserName>(['chromium', 'firefox'])(
  '%s: the rule editor, extend, and the popup layout',
  (name) => {
    let lab: Lab;
    let browser: BrowserUnderTest;
    let labPage: WebPage;
    let popup: ExtensionPage;
    const api = () => lab.apiOrigins[0] as string;
    const ruleName = () => `${lab.pageOrigin} → ${api()}`;
    const fill = (field: Field, text: string) => popup.fill(`#${field}`, text);
    const save = () => popup.click('form.editor button', 'Save');
    /** A credentialed PUT with a custom header, reading a response header the lab sends. */
    const putWithTrace = () => {
      const url = specUrl(api(), {
        id: `trace-${Math.random()}`,
        response: { headers: [['X-Request-Id', '42']] },
      });
      return labPage.evaluate(`fetch(${JSON.stringify(url)}, {
      method: 'PUT',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', 'X-Trace': '1' },
      body: '{}',
      cache: 'no-store',
    }).then((r) => ({ ok: r.ok, requestId: r.headers.get('x-request-id') }), () => ({ ok: false, requestId: null }))`);
    };
    const traceOk = async () => ((await putWithTrace()) as { ok: boolean }).ok;

    beforeAll(async () => {
      lab = await startLab();
      browser = await launchBrowserUnderTest(name, { hostAccess: 'asked' });
      ({ labPage, popup } = await openLabAndPopup(browser, lab.pageOrigin));
      await popup.resize(400, 600);
    });
    afterAll(async () => {
      await browser?.close();
      await lab?.close();
    });

    it('names each invalid field next to it and saves nothing', async () => {
      await popup.click('button', 'New rule…');
      for (const [id, label] of Object.entries(FIELDS))
        expect(await popup.text(`label[for="${id}"]`), id).toBe(label);
      await fill('rule-pageOrigin', 'localhost:*');
      await fill('rule-target', api());
      await fill('rule-methods', 'GET, PU T');
      await fill('rule-requestHeaders', 'content-type, bad:name');
      await fill('rule-maxAge', '-5');
      await save();
      for (const id of ['rule-pageOrigin', 'rule-requestHeaders', 'rule-maxAge']) {
        await popup.waitFor(`#${id}-error`);
        expect(
          await popup.evaluate(`document.querySelector('#${id}').getAttribute('aria-invalid')`),
          id,
        ).toBe('true');
      }
      expect(await popup.text('#rule-requestHeaders-error')).toContain('bad:name');
      expect(await storedRules(popup)).toEqual([]);
      expect(await tryPut(labPage, api())).toBe(false);
    });

    it("a valid rule's options take effect: custom request header allowed, response header exposed", async () => {
      await fill('rule-pageOrigin', lab.pageOrigin);
      await fill('rule-methods', 'PUT');
      await fill('rule-requestHeaders', 'content-type, x-trace');
      await fill('rule-exposeHeaders', 'x-request-id');
      await fill('rule-maxAge', '');
      const credentials = 'form.editor label.check input[type="checkbox"]';
      expect(await popup.text('form.editor label.check')).toContain('Allow credentials (cookies, HTTP auth)');
      await popup.setChecked(credentials, true);
      await save();
      await popup.waitFor(POPUP.button('Extend', ruleName()));
      await expect.poll(traceOk).toBe(true);
      expect(await putWithTrace()).toEqual({ ok: true, requestId: '42' });
    });

    it('an expired rule shows as expired and "Extend" brings it back for its lifetime', async () => {
      await expireRulesIn(popup, 1000);
      await popup.reload();
      await expect.poll(() => popup.text(POPUP.ruleState)).toBe('expired');
      await expect.poll(traceOk).toBe(false);
      await popup.click(POPUP.button('Extend', ruleName()));
      await expect.poll(() => popup.text(POPUP.ruleState)).toMatch(/^(59|60) min left$/);
      await expect.poll(traceOk).toBe(true);
    });

    it('fits 400×600 without horizontal scrolling, and the one-click path works from the keyboard', async () => {
      expect(await popup.evaluate('innerWidth')).toBe(400);
      expect(await popup.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(400);
      await popup.click(POPUP.button('Remove', ruleName()));
      await expect.poll(() => tryPut(labPage, api())).toBe(false);
      await popup.focus(POPUP.allowTarget);
      await popup.type(api());
      await popup.press('Tab'); // lifetime
      await popup.press('Tab'); // with credentials
      await popup.press(' '); // Space ticks it
      await popup.press('Enter'); // submits the form
      await expect.poll(() => tryPut(labPage, api())).toBe(true);
    });
  },
);
