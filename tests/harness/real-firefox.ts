// Firefox ESR as a user runs it: headful on a virtual display, the unmodified build installed as a temporary
// add-on with no host access and the browser's own permission prompts on. puppeteer-core drives it over WebDriver
// BiDi. The DevTools toolbox, the popup and the permission doorhanger live in Firefox's own (chrome) windows, which
// BiDi reaches with --remote-allow-system-access; the extension pages inside them (the CORS panel, the popup) run in
// <browser> elements no BiDi context stands for, so the harness reads their DOM with a one-off frame script and
// clicks them with real input at their screen position.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Display } from './display';
import { findPage, geckoId } from './firefox';
import { scenarioOfUrl } from './panel-stream';
import { distFirefox, firefoxPath, requireBuild, requireFile } from './paths';
import { findElementSource, type RealBrowser, type UiView, until, within } from './real-browser';

type BidiSend = (method: string, params: object) => Promise<{ result: Record<string, unknown> }>;

/** Firefox's own code for the toolbox of the tab showing `url`, and the CORS panel's <browser> in it. */
const toolboxOf = (url: string) => `(() => {
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = require('devtools/client/framework/devtools');
  const tab = gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec.startsWith(${JSON.stringify(url)}));
  return tab ? gDevTools.getToolboxForTab(tab) : undefined;
})()`;
const corsTabOf = (toolbox: string) =>
  `[...(${toolbox})?.doc.querySelectorAll('.devtools-tab') ?? []].find((t) => t.id.includes('webext-devtools-panel') && t.textContent.includes('CORS'))`;
const panelBrowserOf = (url: string) => `(() => {
  const toolbox = ${toolboxOf(url)};
  const tab = ${corsTabOf('toolbox')};
  const id = tab?.id.replace(/^toolbox-tab-/, '');
  return id ? toolbox.doc.getElementById('toolbox-panel-iframe-' + id)?.contentDocument?.querySelector('browser') : undefined;
})()`;
const popupBrowserOf = (prefix: string) =>
  `[...document.querySelectorAll('browser')].find((b) => b.currentURI?.spec.startsWith(${JSON.stringify(prefix)}))`;

export async function launchRealFirefox(display: Display): Promise<RealBrowser> {
  requireFile(firefoxPath, "install Firefox ESR as root: 'apt-get install -y firefox-esr'");
  requireBuild(distFirefox);
  const uuid = randomUUID();
  const downloadsDir = await mkdtemp(join(tmpdir(), 'cors-lens-downloads-'));
  const errors: string[] = [];
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await rm(downloadsDir, { recursive: true, force: true });
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: false,
      env: display.env,
      args: ['--width=1880', '--height=1150', '--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
        'datareporting.policy.dataSubmissionEnabled': false,
        'browser.shell.checkDefaultBrowser': false,
        'devtools.toolbox.footer.height': 560,
        'browser.download.dir': downloadsDir,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.alwaysOpenPanel': false,
      },
    });
    const ff = browser;
    // Uncaught errors of extension pages reach stderr as "JavaScript error: moz-extension://…".
    ff.process()?.stderr?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n'))
        if (line.startsWith(`JavaScript error: moz-extension://${uuid}/`)) errors.push(line);
    });
    const send = (ff as unknown as { connection: { send: BidiSend } }).connection.send.bind(
      (ff as unknown as { connection: object }).connection,
    ) as BidiSend;
    /** Privileged script in each of Firefox's own windows, first non-null answer wins (passed as JSON). */
    const inChrome = async <T>(expression: string): Promise<T | undefined> => {
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

    await ff.installExtension(distFirefox);
    const extensionUrl = (path: string) => `moz-extension://${uuid}/${path}`;
    const welcome = await findPage(ff, extensionUrl('src/welcome/'));
    const labTab: Page = await ff.newPage();
    const verdicts = new Map<string, string>();
    labTab.on('pageerror', (error) => {
      const text = String((error as { message?: string }).message ?? error);
      // "… the remote resource at ‘URL’. (Reason: …)" — quoted or not, depending on the reason.
      const url = /remote resource at ‘?([^’\s]+?)’?\.? \(Reason:/.exec(text)?.[1];
      const scenario = url ? scenarioOfUrl(url) : undefined;
      if (scenario && text.startsWith('Cross-Origin Request Blocked')) verdicts.set(scenario, text);
    });

    /** A page shown in a <browser> of Firefox's own UI, found anew by `finder` (chrome code) at every call. */
    const browserView = (finder: string, what: string): UiView => {
      const evaluate = async <T>(fn: string): Promise<T> => {
        const token = `cors-lens-${randomUUID()}`;
        const script = `Promise.resolve().then(() => (${fn})(content.document, content)).then(
          (v) => sendAsyncMessage(${JSON.stringify(token)}, { ok: true, json: JSON.stringify(v ?? null) }),
          (e) => sendAsyncMessage(${JSON.stringify(token)}, { ok: false, error: String(e) }))`;
        const answer = await inChrome<{ ok: boolean; json?: string; error?: string }>(`(async () => {
          const b = ${finder};
          if (!b) return null;
          const mm = b.messageManager;
          return await new Promise((resolve) => {
            const listener = (m) => { mm.removeMessageListener(${JSON.stringify(token)}, listener); resolve(m.data); };
            mm.addMessageListener(${JSON.stringify(token)}, listener);
            mm.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(script)}), false);
          });
        })()`);
        if (!answer) throw new Error(`${what} is not open`);
        if (!answer.ok) throw new Error(`${what}: ${answer.error}`);
        return JSON.parse(answer.json ?? 'null') as T;
      };
      /**
       * A click through Firefox's own input path (window.synthesizeMouseEvent, as Firefox's EventUtils clicks): trusted,
       * and handling user input, so a permission prompt may open from it. xdotool clicks are not used here: without
       * a window manager, a popup panel closes on a click from X.
       */
      const press = async (selector: string, withText?: string) => {
        const found = await evaluate<boolean>(`(doc, win) => {
          const el = ${findElementSource(selector, withText)};
          if (!el) return false;
          el.scrollIntoView({ block: 'center', inline: 'center' });
          const r = el.getBoundingClientRect();
          const x = r.left + r.width / 2;
          const y = r.top + r.height / 2;
          for (const type of ['mousedown', 'mouseup'])
            win.synthesizeMouseEvent(type, x, y, { button: 0, buttons: type === 'mousedown' ? 1 : 0, clickCount: 1 },
              { isDOMEventSynthesized: false, isWidgetEventSynthesized: false, isAsyncEnabled: false });
          return true;
        }`);
        if (!found)
          throw new Error(`${what}: no element ${selector}${withText ? ` with text "${withText}"` : ''}`);
      };
      return {
        text: (selector) =>
          evaluate<string>(
            `(doc) => { const el = ${selector ? `doc.querySelector(${JSON.stringify(selector)})` : 'doc.body'}; return el ? el.innerText : ''; }`,
          ),
        count: (selector) =>
          evaluate<number>(`(doc) => doc.querySelectorAll(${JSON.stringify(selector)}).length`),
        evaluate,
        click: press,
        fill: async (selector, text) => {
          // A click focuses the field; the text is then set as typing would leave it (xdotool's keys would go to the
          // main window: there is no window manager to give a popup panel the focus).
          await press(selector);
          const set = await evaluate<boolean>(`(doc, win) => {
            const el = doc.querySelector(${JSON.stringify(selector)});
            if (!el) return false;
            el.focus();
            el.value = ${JSON.stringify(text)};
            el.dispatchEvent(new win.Event('input', { bubbles: true }));
            el.dispatchEvent(new win.Event('change', { bubbles: true }));
            return true;
          }`);
          if (!set) throw new Error(`${what}: no field ${selector}`);
        },
      };
    };

    /** A tab's page (the grant window's), driven over BiDi like any web page. */
    const pageView = (page: Page): UiView => {
      const evaluate = <T>(fn: string) => page.evaluate(`(${fn})(document, window)`) as Promise<T>;
      return {
        text: (selector) =>
          evaluate<string>(
            `(doc) => { const el = ${selector ? `doc.querySelector(${JSON.stringify(selector)})` : 'doc.body'}; return el ? el.innerText : ''; }`,
          ),
        count: (selector) =>
          evaluate<number>(`(doc) => doc.querySelectorAll(${JSON.stringify(selector)}).length`),
        evaluate,
        click: async (selector, withText) => {
          const handle = await page.evaluateHandle(
            `(() => { const doc = document; return ${findElementSource(selector, withText)}; })()`,
          );
          const element = handle.asElement();
          if (!element) throw new Error(`grant window: no element ${selector}`);
          await (element as import('puppeteer-core').ElementHandle<Element>).click();
        },
        fill: async (selector, text) => {
          await page.click(selector, { count: 3 });
          await page.type(selector, text);
        },
      };
    };

    const labUrl = () => labTab.url();
    const closed = new Promise<void>((resolve) => ff.once('disconnected', () => resolve()));
    const popupPrefix = extensionUrl('src/popup/');

    return {
      name: 'firefox',
      display,
      labTab,
      downloadsDir,
      closed,
      async openDevtoolsPanel() {
        await within('the lab tab to come to the front', labTab.bringToFront());
        await within('F12 to reach Firefox', display.key('F12'));
        // Without a window manager the key can land before Firefox's window has the keyboard focus; if no toolbox
        // came, the toolbox is opened as Firefox's own F12 handler does (gDevTools), never by a second F12, which
        // would close a toolbox that was merely slow to appear.
        const opened = await until(
          'the toolbox after F12',
          () => inChrome<boolean>(`(${toolboxOf(labUrl())}) ? true : null`),
          10_000,
        ).catch(() => false);
        if (!opened)
          await within(
            'the toolbox to open',
            inChrome<boolean>(`(async () => {
              const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
              const { gDevTools } = require('devtools/client/framework/devtools');
              const tab = gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec.startsWith(${JSON.stringify(labUrl())}));
              if (!tab) return null;
              await gDevTools.showToolboxForTab(tab);
              return true;
            })()`),
          );
        const tab = await until('the CORS tab in Firefox’s toolbox', () =>
          inChrome<{ x: number; y: number }>(`(() => {
            const toolbox = ${toolboxOf(labUrl())};
            const tab = ${corsTabOf('toolbox')};
            if (!tab) return null;
            const r = tab.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) return null; // still laying out
            const win = toolbox.doc.defaultView;
            return { x: win.mozInnerScreenX + r.left + r.width / 2, y: win.mozInnerScreenY + r.top + r.height / 2 };
          })()`),
        );
        await display.click(tab.x, tab.y);
        const panel = browserView(panelBrowserOf(labUrl()), 'the CORS panel');
        await until('the CORS panel to render', async () =>
          (await panel.count('.panel, [data-testid="panel-error"]')) > 0 ? true : undefined,
        );
        return panel;
      },
      async openPopup() {
        await within('the lab tab to come to the front', labTab.bringToFront());
        await within('the popup shortcut to reach Firefox', display.key('alt+shift+l'));
        const popup = browserView(popupBrowserOf(popupPrefix), 'the popup');
        await until('the popup to render', async () =>
          (await popup.count('main.popup')) > 0 ? true : undefined,
        );
        return popup;
      },
      async popupClosed() {
        await until(
          'the popup to close',
          async () => (await inChrome<boolean>(`(${popupBrowserOf(popupPrefix)}) ? null : true`)) === true,
        );
      },
      async closePopup() {
        if ((await inChrome<boolean>(`(${popupBrowserOf(popupPrefix)}) ? true : null`)) !== true) return;
        await display.key('Escape');
        await until(
          'the popup to close',
          async () => (await inChrome<boolean>(`(${popupBrowserOf(popupPrefix)}) ? null : true`)) === true,
        );
      },
      async grantWindow() {
        return pageView(await findPage(ff, extensionUrl('src/grant/')));
      },
      async answerPermissionPrompt(answer) {
        // The doorhanger is a panel of Firefox's own window: clicked through Firefox's input path at its button,
        // as a mouse click would arrive (an X click would close a panel: no window manager gives it the focus).
        const button = answer === 'allow' ? 'primary' : 'secondary';
        await until('Firefox’s permission prompt', () =>
          inChrome<boolean>(`(() => {
            const n = document.querySelector('#addon-webext-permissions-notification');
            if (!n || n.hidden || n.closest('panel')?.state !== 'open') return null;
            const b = n.querySelector('.popup-notification-${button}-button');
            const r = b.getBoundingClientRect();
            if (r.width === 0) return null;
            for (const type of ['mousedown', 'mouseup'])
              window.synthesizeMouseEvent(type, r.left + r.width / 2, r.top + r.height / 2,
                { button: 0, buttons: type === 'mousedown' ? 1 : 0, clickCount: 1 },
                { isDOMEventSynthesized: false, isWidgetEventSynthesized: false, isAsyncEnabled: false });
            return true;
          })()`),
        );
      },
      browserVerdicts: () => new Map(verdicts),
      background: <T>(expression: string) => welcome.evaluate(expression) as Promise<T>,
      extensionErrors: () => [...errors],
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
