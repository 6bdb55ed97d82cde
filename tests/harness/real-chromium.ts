// Debian Chromium as a user runs it: headful on a virtual display, the unmodified build loaded with no host access,
// DevTools docked on the tab. playwright-core launches it and drives the lab tab; DevTools' own frontend and the
// extension's panel frame inside it are reached through a second client, puppeteer-core over the DevTools
// protocol (Playwright does not expose devtools:// targets).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import puppeteer, { type Browser, type CDPSession, type Frame, type Page as PPage } from 'puppeteer-core';
import { collectCdpVerdicts } from './cdp-verdicts';
import { chromiumArgs } from './chromium';
import type { Display } from './display';
import { chromiumPath, distChrome, requireBuild, requireFile } from './paths';
import { findElementSource, type RealBrowser, type UiView, until } from './real-browser';

/** A frame or page of the extension driven over CDP; clicks are trusted input events at the element's centre. */
function frameView(frame: Frame): UiView {
  const evaluate = <T>(fn: string) => frame.evaluate(`(${fn})(document, window)`) as Promise<T>;
  const locate = async (selector: string, withText?: string) => {
    const handle = await frame.evaluateHandle(
      `(() => { const doc = document; return ${findElementSource(selector, withText)}; })()`,
    );
    const element = handle.asElement();
    if (!element) throw new Error(`no element ${selector}${withText ? ` with text "${withText}"` : ''}`);
    return element as import('puppeteer-core').ElementHandle<Element>;
  };
  return {
    text: (selector) =>
      evaluate<string>(
        `(doc) => { const el = ${selector ? `doc.querySelector(${JSON.stringify(selector)})` : 'doc.body'}; return el ? el.innerText : ''; }`,
      ),
    count: (selector) =>
      evaluate<number>(`(doc) => doc.querySelectorAll(${JSON.stringify(selector)}).length`),
    evaluate,
    click: async (selector, withText) => {
      const element = await locate(selector, withText);
      // A click may close its own page (Chrome closes the popup when the permission prompt it asked for opens),
      // sometimes before the mouse-up's reply: the click happened; the steps after it check its effect.
      await element.click().catch((error: unknown) => {
        if (
          !(error instanceof Error && /Target closed|TargetCloseError/.test(`${error.name} ${error.message}`))
        )
          throw error;
      });
    },
    fill: async (selector, text) => {
      const element = await locate(selector);
      await element.click({ count: 3 });
      await element.type(text);
    },
  };
}

async function devtoolsPort(profile: string): Promise<string> {
  return until('Chromium to write DevToolsActivePort', async () => {
    const [port, path] = (await readFile(join(profile, 'DevToolsActivePort'), 'utf8')).split('\n');
    return port && path ? `ws://127.0.0.1:${port}${path}` : undefined;
  });
}

export async function launchRealChromium(display: Display): Promise<RealBrowser> {
  requireFile(chromiumPath, "install Debian's Chromium as root: 'apt-get install -y chromium'");
  requireBuild(distChrome);
  const profile = await mkdtemp(join(tmpdir(), 'cors-lens-real-chromium-'));
  const downloadsDir = await mkdtemp(join(tmpdir(), 'cors-lens-downloads-'));
  const errors: string[] = [];
  let context: BrowserContext | undefined;
  let client: Browser | undefined;
  const close = async () => {
    await client?.disconnect().catch(() => undefined);
    await context?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
    await rm(downloadsDir, { recursive: true, force: true });
  };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: false,
      env: display.env,
      viewport: null,
      acceptDownloads: false,
      args: [
        ...chromiumArgs,
        `--disable-extensions-except=${distChrome}`,
        `--load-extension=${distChrome}`,
        '--auto-open-devtools-for-tabs',
        '--remote-debugging-port=0',
        '--window-position=0,0',
        '--window-size=1900,1150',
      ],
      ignoreDefaultArgs: ['--disable-extensions'],
    });
    const ctx = context;
    client = await puppeteer.connect({
      browserWSEndpoint: await devtoolsPort(profile),
      defaultViewport: null,
    });
    const cdp = client;
    const browserSession = await cdp.target().createCDPSession();
    await browserSession.send('Browser.setDownloadBehavior', {
      behavior: 'allow',
      downloadPath: downloadsDir,
    });

    const watch = (session: CDPSession, where: string) => {
      session.on('Runtime.exceptionThrown', (event) => {
        const details = event.exceptionDetails;
        errors.push(`${where}: ${details.exception?.description ?? details.text}`);
      });
    };
    const watchTarget = async (target: import('puppeteer-core').Target) => {
      if (!target.url().startsWith('chrome-extension://')) return;
      if (target.type() === 'page') {
        const page = await target.page();
        page?.on('pageerror', (error) => errors.push(`${target.url()}: ${String(error)}`));
      } else if (target.type() === 'service_worker') {
        const session = await target.createCDPSession();
        watch(session, target.url());
        await session.send('Runtime.enable');
      }
    };
    for (const target of cdp.targets()) await watchTarget(target);
    cdp.on('targetcreated', (target) => void watchTarget(target));

    const serviceWorker = async () =>
      ctx.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await ctx.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL((await serviceWorker()).url()).host;
    // The welcome tab the install opened: read, then closed, as a user would before going back to work. DevTools
    // opens a frontend per tab, and a background tab's frontend may not load at all.
    const welcome = await until('the welcome tab', async () =>
      ctx.pages().find((p) => p.url().startsWith(`chrome-extension://${extensionId}/src/welcome/`)),
    );
    await welcome.waitForSelector('text=Background running');
    await welcome.close();
    const labTab: Page = ctx.pages()[0] ?? (await ctx.newPage());
    const labCdp = await ctx.newCDPSession(labTab);
    await labCdp.send('Network.enable');
    const verdicts = collectCdpVerdicts(labCdp);

    /**
     * The DevTools frontend docked on the tab showing `url`. Each frontend is asked through a session of its own
     * (a puppeteer Page made while the frontend still loads can wait forever on its first evaluation); the Page is
     * made once the frontend answers with the inspected URL.
     */
    const devtoolsFor = (url: string) =>
      until(`DevTools docked on ${url}`, async () => {
        for (const target of cdp.targets()) {
          if (!target.url().startsWith('devtools://devtools/bundled/devtools_app.html')) continue;
          if (target.url().includes('hasOtherClients')) continue; // the same frontend seen by a second client
          const session = await target.createCDPSession();
          try {
            const { result } = await session.send('Runtime.evaluate', {
              expression: `import('./core/sdk/sdk.js').then((SDK) =>
                SDK.TargetManager.TargetManager.instance().primaryPageTarget()?.inspectedURL())`,
              awaitPromise: true,
              returnByValue: true,
            });
            if (typeof result.value === 'string' && result.value.startsWith(url)) return target.asPage();
          } finally {
            await session.detach().catch(() => undefined);
          }
        }
        return undefined;
      });

    const closed = new Promise<void>((resolve) => ctx.once('close', () => resolve()));
    let popupPage: PPage | undefined;
    const frontends: PPage[] = [];
    return {
      name: 'chromium',
      display,
      labTab,
      downloadsDir,
      closed,
      async openDevtoolsPanel() {
        await labTab.bringToFront();
        const devtools = await devtoolsFor(labTab.url());
        frontends.push(devtools);
        // The panel's frame runs out of process: watch each frame session DevTools attaches, before it runs.
        const frontend = (devtools as unknown as { _client(): CDPSession })._client();
        frontend.on('sessionattached', (session: CDPSession) => watch(session, 'CORS panel'));
        // Closest automatable equivalent of clicking the CORS tab (behind the » overflow): DevTools' own
        // InspectorView.showPanel. Docked at the bottom so the table gets the window's width.
        await devtools.evaluate(`(async () => {
          const UI = await import('./ui/legacy/legacy.js');
          UI.DockController.DockController.instance().setDockSide('bottom');
          const view = UI.InspectorView.InspectorView.instance();
          const id = view.tabbedPane.tabIds().find((i) => i === 'chrome-extension://${extensionId}CORS');
          if (!id) throw new Error('no CORS panel among ' + view.tabbedPane.tabIds().join(', '));
          await view.showPanel(id);
        })()`);
        const frame = await until('the CORS panel frame inside DevTools', async () =>
          devtools.frames().find((f) => f.url().startsWith(`chrome-extension://${extensionId}/src/panel/`)),
        );
        await frame.waitForSelector('.panel, [data-testid="panel-error"]', { timeout: 20_000 });
        return frameView(frame);
      },
      async openPopup() {
        await labTab.bringToFront();
        await display.key('alt+shift+l');
        const target = await cdp.waitForTarget((t) => t.url().includes(`${extensionId}/src/popup/`), {
          timeout: 20_000,
        });
        popupPage = await target.asPage();
        await popupPage.waitForSelector('main.popup', { timeout: 20_000 });
        return frameView(popupPage.mainFrame());
      },
      async popupClosed() {
        const page = popupPage;
        if (page)
          await until(
            'the popup to close',
            async () =>
              page.isClosed() || !(await cdp.targets()).some((t) => t.url().includes('/src/popup/')),
          );
      },
      async closePopup() {
        // Chrome closes a popup when it loses focus; closing its target is the same, without a stray click.
        if (popupPage && !popupPage.isClosed()) await popupPage.close();
      },
      grantWindow: () => Promise.reject(new Error('Chromium asks from the page itself: no grant window')),
      async answerPermissionPrompt(answer) {
        // Chrome's prompt is drawn inside the browser window (no window of its own to find) and takes the keyboard
        // focus from every page, "Deny" focused first: that no page has the focus is the sign that it is up, and a
        // page getting it back that it has closed. Keys that arrive before the dialog handles them are lost, so
        // they are pressed again while it stays up.
        const anyPageFocused = async () =>
          (
            await Promise.all([
              labTab.evaluate('document.hasFocus()') as Promise<boolean>,
              ...frontends.map((p) => p.evaluate('document.hasFocus()') as Promise<boolean>),
            ])
          ).some(Boolean);
        await until('Chrome’s permission prompt', async () => {
          if (popupPage && !popupPage.isClosed()) return false;
          return !(await anyPageFocused());
        });
        for (let attempt = 0; attempt < 5; attempt++) {
          await new Promise((r) => setTimeout(r, 500));
          await display.key(...(answer === 'allow' ? ['Tab', 'Return'] : ['Return']));
          const closed = await until('the prompt to close', anyPageFocused, 2_000).catch(() => false);
          if (closed) return;
        }
        throw new Error('Chrome’s permission prompt did not close after five answers');
      },
      browserVerdicts: () => new Map(verdicts),
      background: async <T>(expression: string) => (await serviceWorker()).evaluate(expression) as Promise<T>,
      extensionErrors: () => [...errors],
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
