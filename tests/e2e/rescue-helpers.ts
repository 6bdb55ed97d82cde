// Shared steps of the "answer preflights" end-to-end tests (Chromium only: Firefox has no way to answer one).
import type { Page } from 'playwright-core';
import type { RulesView } from '../../src/shared/messages';
import type { LabSpec } from '../lab/spec.mjs';
import { tryPut } from './override-helpers';

/** The preflight statuses the issue names; 302 carries a Location, as a real redirect does. */
export const REFUSED_PREFLIGHTS = [401, 403, 404, 405, 500, 302] as const;

/** A lab spec whose preflight the server refuses with `status` (no CORS headers anywhere: the override adds them). */
export function refusedPreflight(status: number, apiOrigin: string): LabSpec {
  return {
    preflight: {
      status,
      headers: status >= 300 && status < 400 ? [['Location', `${apiOrigin}/elsewhere`]] : [],
    },
  };
}

/** tryPut (credentialed JSON PUT, preflighted) against a server that refuses its preflight with `status`. */
export function putRefused(page: Page, apiOrigin: string, status: number): Promise<boolean> {
  return tryPut(page, apiOrigin, refusedPreflight(status, apiOrigin));
}

/** A runtime message from an extension page, answered by the background. */
export function message<T = { ok: boolean; value?: unknown; view: RulesView; errors?: unknown }>(
  ext: Page,
  body: Record<string, unknown>,
): Promise<T> {
  return ext.evaluate((m) => chrome.runtime.sendMessage(m), body) as Promise<T>;
}

/** The tabs where CORS Lens answers the preflights of rule `id`, as the background reports them. */
export async function rescuedTabs(ext: Page, id: string): Promise<number[]> {
  const answer = await message(ext, { type: 'rules/get' });
  return answer.view.rescue?.tabsByRule[id] ?? [];
}

/** Whether CORS Lens holds a DevTools-protocol session on the tab (the session belongs to the extension). */
export function attachedTo(ext: Page, tabId: number): Promise<boolean> {
  return ext.evaluate(
    (id) =>
      chrome.debugger.sendCommand({ tabId: id }, 'Runtime.evaluate', { expression: '1' }).then(
        () => true,
        () => false,
      ),
    tabId,
  );
}
