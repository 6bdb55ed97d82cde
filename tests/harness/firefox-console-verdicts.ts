// Firefox's own verdicts on a tab's lab requests: its console messages ("Cross-Origin Request Blocked: … (Reason:
// …)"), which WebDriver BiDi delivers as page errors, keyed by the lab spec id of the URL each names. A failed
// preflight logs its own reason first, then "CORS request did not succeed" for the request it stopped (measured);
// after a redirect, the message names the redirect's target.
import type { Page } from 'puppeteer-core';
import type { BrowserVerdict } from './browser-under-test';
import { scenarioOfUrl } from './panel-stream';

export function collectConsoleVerdicts(page: Page): Map<string, BrowserVerdict> {
  const verdicts = new Map<string, BrowserVerdict>();
  page.on('pageerror', (error) => {
    const text = String((error as Error).message ?? error);
    const url = /https?:\/\/\S+?\?s=[\w-]+/.exec(text)?.[0];
    const id = url === undefined ? undefined : scenarioOfUrl(url);
    if (id !== undefined) verdicts.set(id, { console: `${verdicts.get(id)?.console ?? ''}${text}\n` });
  });
  return verdicts;
}
