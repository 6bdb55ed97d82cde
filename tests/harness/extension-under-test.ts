// Either browser with a copy of the build whose host access is granted at install, and an extension page to look
// through (chrome.* / browser.* state, the panel stream): for tests of what the background does, not of first run.
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { EvaluatingPage } from './lab-page';
import type { BrowserName } from './real-browser';

export interface ExtensionUnderTest {
  name: BrowserName;
  /** A new tab for a web page. */
  newPage(): Promise<EvaluatingPage>;
  /** An extension page (the welcome page) whose `browser`/`chrome` sees what the extension sees. */
  extensionPage: EvaluatingPage;
  /** The id of the tab whose URL starts with `urlPrefix`. */
  tabIdOf(urlPrefix: string): Promise<number>;
  close(): Promise<void>;
}

export async function launchExtensionUnderTest(name: BrowserName): Promise<ExtensionUnderTest> {
  const session =
    name === 'chromium'
      ? await launchChromium({ grantHosts: true })
      : await launchFirefox({ grantHosts: true });
  const extensionPage: EvaluatingPage =
    'extensionPage' in session
      ? session.extensionPage
      : await session.openExtensionPage('src/welcome/index.html');
  return {
    name,
    newPage: () => session.newPage() as Promise<EvaluatingPage>,
    extensionPage,
    async tabIdOf(urlPrefix) {
      // Match patterns with a port match nothing in Firefox: compare URLs instead.
      const id = await extensionPage.evaluate(`(globalThis.browser ?? globalThis.chrome).tabs
        .query({}).then((tabs) => tabs.find((t) => (t.url ?? '').startsWith(${JSON.stringify(urlPrefix)}))?.id)`);
      if (typeof id !== 'number') throw new Error(`no tab shows ${urlPrefix}`);
      return id;
    },
    close: () => session.close(),
  };
}
