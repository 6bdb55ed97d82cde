// A tab showing a web page as browser-under-test.ts hands it to a test: Playwright's and Puppeteer's pages both fit,
// each with the browser's own verdicts collected its way.
import type { BrowserVerdict, WebPage } from './browser-under-test';

interface TabPage {
  goto(url: string): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
  url(): string;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export function webPageOf(page: TabPage, verdicts: Map<string, BrowserVerdict>): WebPage {
  return {
    goto: (url) => page.goto(url),
    evaluate: (expression) => page.evaluate(expression),
    url: () => page.url(),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
    verdicts: () => new Map(verdicts),
  };
}
