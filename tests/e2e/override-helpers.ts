// Shared steps of the override end-to-end tests, the same in both browsers: requests from the lab page, the popup's
// one-click Allow, and the extension's state (DNR rules, stored rules, badge) read from an extension page.
import type { BrowserUnderTest, WebPage } from '../harness/browser-under-test';
import type { ExtensionPage } from '../harness/extension-page';
import { pollUntil } from '../harness/poll';
import { type LabSpec, specUrl } from '../lab/spec.mjs';

export interface EvaluatingPage {
  evaluate(expression: string): Promise<unknown>;
}

/** The popup's controls. */
export const POPUP = {
  allowTarget: '#allow-target',
  lifetime: '#allow-lifetime',
  credentials: 'form.allow input[type="checkbox"]',
  allowButton: 'form.allow button[type="submit"]',
  enabledSwitch: 'input[role="switch"][aria-label="Overrides enabled"]',
  banner: '[data-testid="override-banner"]',
  importFile: '[data-testid="import-file"]',
  importResult: '[data-testid="import-result"]',
  ruleState: '[data-testid="rule-state"]',
  ruleName: '.rule-name',
  /** The rule named "pageOrigin → target" (its buttons: Remove, Edit, Extend). */
  button: (action: 'Remove' | 'Edit' | 'Extend', name: string) => `button[aria-label="${action} ${name}"]`,
};

/** The popup's one-click path: the target, a lifetime (by its label) if not the default, credentials, Allow. */
export async function allowInPopup(
  popup: ExtensionPage,
  target: string,
  options: { lifetime?: string; credentials?: boolean } = {},
): Promise<void> {
  await popup.fill(POPUP.allowTarget, target);
  if (options.lifetime !== undefined) await popup.select(POPUP.lifetime, { label: options.lifetime });
  await popup.setChecked(POPUP.credentials, options.credentials ?? true);
  await popup.click(POPUP.allowButton);
}

const api = '(globalThis.browser ?? globalThis.chrome)';

export interface DnrRule {
  condition: { urlFilter?: string; tabIds?: number[] };
  action: { responseHeaders?: { header: string; value?: string }[] };
}

export const sessionRules = (ext: ExtensionPage) =>
  ext.evaluate<DnrRule[]>(`${api}.declarativeNetRequest.getSessionRules()`);
export const dynamicRules = (ext: ExtensionPage) =>
  ext.evaluate<DnrRule[]>(`${api}.declarativeNetRequest.getDynamicRules()`);
export const badgeText = (ext: ExtensionPage) => ext.evaluate<string>(`${api}.action.getBadgeText({})`);

/** The stored rules (storage.local), as the background keeps them. */
export const storedRules = (ext: ExtensionPage) =>
  ext.evaluate<Record<string, unknown>[]>(
    `${api}.storage.local.get('rules').then((s) => s.rules?.rules ?? [])`,
  );

/**
 * A short lifetime through the stored model (no lifetime the UI offers is this short): every stored rule expires
 * in `ms`, and the background re-reads them.
 */
export async function expireRulesIn(ext: EvaluatingPage, ms: number): Promise<void> {
  await ext.evaluate(`(async () => {
    const { rules } = await ${api}.storage.local.get('rules');
    for (const rule of rules.rules) rule.expiresAt = Date.now() + ${ms};
    await ${api}.storage.local.set({ rules });
    await ${api}.runtime.sendMessage({ type: 'rules/get' });
  })()`);
}

/** When the background's current instance started: a new value means a new worker or event page. */
export const backgroundStartedAt = (ext: ExtensionPage) =>
  ext.evaluate<number>(`${api}.runtime.sendMessage({ type: 'ping' }).then((s) => s.startedAt)`);

/**
 * A credentialed JSON PUT from `page` to `apiOrigin` (preflighted); true when the page could read the answer.
 * `spec` tells the lab how to answer (default: no CORS headers at all, preflight 204).
 */
export async function tryPut(page: EvaluatingPage, apiOrigin: string, spec: LabSpec = {}): Promise<boolean> {
  const url = specUrl(apiOrigin, { id: `put-${Math.random()}`, ...spec });
  return (await page.evaluate(`(async () => {
    try {
      const r = await fetch(${JSON.stringify(url)}, {
        method: 'PUT',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
        cache: 'no-store',
      });
      return r.ok;
    } catch {
      return false;
    }
  })()`)) as boolean;
}

/** The same PUT made from a dedicated worker the page starts (a blob: worker has the page's origin). */
export async function tryPutFromWorker(page: EvaluatingPage, apiOrigin: string): Promise<boolean> {
  const url = specUrl(apiOrigin, { id: `worker-put-${Math.random()}` });
  const source = `fetch(${JSON.stringify(url)}, { method: 'PUT', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}', cache: 'no-store' }).then((r) => postMessage(r.ok), () => postMessage(false));`;
  return (await page.evaluate(`new Promise((resolve) => {
    const worker = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(source)}], { type: 'text/javascript' })));
    worker.onmessage = (e) => { resolve(e.data); worker.terminate(); };
    worker.onerror = () => resolve(false);
  })`)) as boolean;
}

/** Polls `fn` until it returns `want` or `timeoutMs` passes; returns the last value (the caller asserts on it). */
export function pollFor<T>(fn: () => Promise<T>, want: T, timeoutMs = 20_000): Promise<T> {
  return pollUntil(fn, (seen) => seen === want, timeoutMs);
}

/**
 * The lab page in a new tab, and the popup for its origin. The popup acts on the page origin it is given: the tab
 * id (0 here) matters only for the targets a panel observed (override-observed.test.ts passes the real one).
 */
export async function openLabAndPopup(
  browser: BrowserUnderTest,
  pageOrigin: string,
): Promise<{ labPage: WebPage; popup: ExtensionPage }> {
  const labPage = await browser.newPage();
  await labPage.goto(`${pageOrigin}/`);
  const popup = await browser.openExtensionPage(popupPath(0, pageOrigin));
  await popup.waitFor(POPUP.enabledSwitch);
  return { labPage, popup };
}

/** The popup URL for a given tab and page origin (how the DevTools panel and the tests open it). */
export function popupPath(tabId: number, pageOrigin: string): string {
  return `src/popup/index.html?tab=${tabId}&origin=${encodeURIComponent(pageOrigin)}`;
}
