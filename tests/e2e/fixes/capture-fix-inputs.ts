// The fix inputs come from exchanges CORS Lens itself logged: each case's request is sent from the lab page to
// the bare API with the extension capturing, and the logged exchange is mapped by the core, as the Fix tab does.
import type { Page } from 'playwright-core';
import { type FixInput, fixInputForExchange, withExposeHeaders } from '../../../src/core/fixes';
import type { ChromiumSession } from '../../harness/chromium';
import { tabIdOf } from '../../harness/lab-page';
import { subscribeToTab, waitForEntries } from '../../harness/panel-stream';
import { type Attempt, type ExchangeCase, sendFromPage } from './cases';

export interface Captured {
  /** What the page saw without any fix, per case id. */
  unfixed: Map<string, Attempt>;
  inputs: Map<string, FixInput>;
}

export async function captureFixInputs(
  chromium: ChromiumSession,
  page: Page,
  apiOrigin: string,
  exchanges: ExchangeCase[],
): Promise<Captured> {
  const watcher = await chromium.openExtensionPage('src/welcome/index.html');
  try {
    const tabId = await tabIdOf(watcher, new URL(page.url()).origin);
    await subscribeToTab(watcher, tabId);
    const unfixed = new Map<string, Attempt>();
    for (const exchange of exchanges) unfixed.set(exchange.id, await sendFromPage(page, apiOrigin, exchange));
    const entries = await waitForEntries(
      watcher,
      (all) =>
        exchanges.every((e) =>
          all.some(
            (entry) => caseOf(entry.record.request.url) === e.id && entry.record.outcome !== 'pending',
          ),
        ),
      'an exchange per case',
    );
    const inputs = new Map<string, FixInput>();
    for (const exchange of exchanges) {
      const entry = entries.find(
        (e) => caseOf(e.record.request.url) === exchange.id && e.record.outcome !== 'pending',
      );
      const input = entry && fixInputForExchange(entry.record, entry.verdict);
      if (input === undefined) throw new Error(`CORS Lens logged no blocked exchange for ${exchange.id}`);
      if (exchange.expose === undefined) {
        inputs.set(exchange.id, input);
        continue;
      }
      const edit = withExposeHeaders(input, exchange.expose);
      if (edit.problems.length > 0) throw new Error(edit.problems.join('; '));
      inputs.set(exchange.id, edit.input);
    }
    return { unfixed, inputs };
  } finally {
    await watcher.close();
  }
}

function caseOf(url: string): string | null {
  return URL.canParse(url) ? new URL(url).searchParams.get('case') : null;
}
