// The popup where users meet it, on a fresh install: opened from the toolbar (its keyboard shortcut, Alt+Shift+L,
// the closest automatable equivalent of clicking the toolbar button: it grants activeTab the same way), on the lab
// tab, with no host access yet. One click on Allow opens the browser's own prompt — which closes the popup in
// Chrome — and once the user allows, the override exists and the blocked request passes, without a second click.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Display, startDisplay } from '../harness/display';
import { openLabPage, runLabScenario } from '../harness/lab-page';
import { launchRealBrowser } from '../harness/launch-real-browser';
import { outDir } from '../harness/paths';
import type { BrowserName, RealBrowser } from '../harness/real-browser';
import { type Lab, startLab } from '../lab/server.mjs';

interface StoredRule {
  pageOrigin: string;
  target: { origin: string };
  expiresAt: number | null;
}

describe.each<BrowserName>(['chromium', 'firefox'])('%s: the toolbar popup, first run', (name) => {
  let lab: Lab;
  let display: Display;
  let browser: RealBrowser;
  const steps = new Set<string>();
  const continuesFrom = (step: string) => {
    if (!steps.has(step)) throw new Error(`this test continues from "${step}", which did not complete`);
  };
  const storedRules = async () =>
    (
      await browser.background<{ rules?: { rules?: StoredRule[] } }>(
        `(globalThis.browser ?? globalThis.chrome).storage.local.get('rules')`,
      )
    ).rules?.rules ?? [];
  const badge = () =>
    browser.background<string>(`(globalThis.browser ?? globalThis.chrome).action.getBadgeText({})`);

  beforeAll(async () => {
    lab = await startLab();
    display = await startDisplay();
    browser = await launchRealBrowser(name, display);
    await openLabPage(browser.labTab, lab.pageOrigin);
  });
  afterAll(async () => {
    await display?.screenshot(join(outDir, `popup-first-run-${name}.png`)).catch(() => undefined);
    await browser?.close();
    await display?.close();
    await lab?.close();
  });

  it('opens from the toolbar shortcut on the lab tab and names the page', async () => {
    expect((await runLabScenario(browser.labTab, 'json-put-preflight')).allowed).toBe(false);
    const popup = await browser.openPopup();
    await expect.poll(() => popup.text('[data-testid="tab-origin"]')).toBe(lab.pageOrigin);
    await browser.closePopup();
    steps.add('open');
  });

  it('Allow on a fresh install: the browser asks once, and after "Allow" the override exists and the request passes', async () => {
    continuesFrom('open');
    const popup = await browser.openPopup();
    await popup.fill('#allow-target', lab.apiOrigins[0] ?? '');
    await popup.click('form.allow button[type="submit"]', 'Allow');
    await browser.answerPermissionPrompt('allow');
    await expect
      .poll(async () => (await storedRules()).map((r) => [r.pageOrigin, r.target.origin]), {
        timeout: 20_000,
      })
      .toEqual([[lab.pageOrigin, lab.apiOrigins[0]]]);
    await expect.poll(badge, { timeout: 20_000 }).toBe('ON');
    await expect
      .poll(async () => (await runLabScenario(browser.labTab, 'json-put-preflight')).allowed, {
        timeout: 20_000,
      })
      .toBe(true);
    steps.add('allowed');
  });

  it('reopened, lists the override in force with its time left', async () => {
    continuesFrom('allowed');
    await browser.closePopup();
    const popup = await browser.openPopup();
    await expect.poll(() => popup.text('[data-testid="override-banner"]')).toContain('1 override active');
    const text = await popup.text();
    expect(text).toContain(lab.apiOrigins[0] ?? '');
    expect(text).toMatch(/\b(59 min|1 h) left\b/);
  });

  it('no extension page or background threw', () => {
    expect(browser.extensionErrors()).toEqual([]);
  });
});
