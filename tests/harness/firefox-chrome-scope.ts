// Privileged script in Firefox's own (chrome) windows over WebDriver BiDi, for what no web page or extension page
// can reach: the DevTools toolbox, the popup and the permission doorhanger, opening an extension page in a tab
// (BiDi refuses to navigate to moz-extension:// URLs), the state of the extension's event page. Firefox allows it
// only when started with --remote-allow-system-access.
import type { Browser } from 'puppeteer-core';

type BidiSend = (method: string, params: object) => Promise<{ result: Record<string, unknown> }>;

/** Evaluates `expression` in each of Firefox's windows until one answers non-null (the answer passes as JSON). */
export type ChromeScope = <T>(expression: string) => Promise<T | undefined>;

export const SYSTEM_ACCESS_ARG = '--remote-allow-system-access';

export function chromeScope(browser: Browser): ChromeScope {
  const connection = (browser as unknown as { connection: { send: BidiSend } }).connection;
  const send = connection.send.bind(connection) as BidiSend;
  return async <T>(expression: string): Promise<T | undefined> => {
    const tree = await send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    for (const context of tree.result.contexts as { context: string }[]) {
      const answer = await send('script.evaluate', {
        expression: `Promise.resolve(${expression}).then((v) => JSON.stringify(v ?? null))`,
        target: { context: context.context },
        awaitPromise: true,
        resultOwnership: 'none',
      });
      const result = answer.result as {
        type: string;
        result?: { value?: unknown };
        exceptionDetails?: { text: string };
      };
      if (result.type === 'exception')
        throw new Error(result.exceptionDetails?.text ?? 'chrome script failed');
      const value = JSON.parse(String(result.result?.value ?? 'null')) as T | null;
      if (value !== null) return value;
    }
    return undefined;
  };
}
