// Shared steps of the override end-to-end tests (Chromium via playwright-core, Firefox via puppeteer-core): both
// page kinds evaluate a string expression, so the page-side code is written once here.
import { pollUntil } from '../harness/poll';
import { type LabSpec, specUrl } from '../lab/spec.mjs';

export interface EvaluatingPage {
  evaluate(expression: string): Promise<unknown>;
}

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

/** The popup URL for a given tab and page origin (how the DevTools panel and the tests open it). */
export function popupPath(tabId: number, pageOrigin: string): string {
  return `src/popup/index.html?tab=${tabId}&origin=${encodeURIComponent(pageOrigin)}`;
}

/**
 * A short lifetime through the stored model (no lifetime the UI offers is this short): every rule in
 * storage.local expires `ms` from now, then the background re-reads the rules, from an extension page of Chromium.
 */
export async function expireStoredRulesIn(
  extensionPage: { evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> },
  ms: number,
): Promise<void> {
  await extensionPage.evaluate(async (delay) => {
    const { rules } = await chrome.storage.local.get('rules');
    const state = rules as { rules: { expiresAt: number | null }[] };
    for (const rule of state.rules) rule.expiresAt = Date.now() + delay;
    await chrome.storage.local.set({ rules: state });
    await chrome.runtime.sendMessage({ type: 'rules/get' });
  }, ms);
}
