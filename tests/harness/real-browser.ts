// One interface for both browsers as a user meets them: headful, the extension freshly installed with no host
// access, the CORS panel inside the browser's real DevTools, the popup opened from the toolbar's keyboard shortcut,
// and the browser's own permission prompts answered with real input (xdotool on a virtual display).
import type { Display } from './display';
import type { EvaluatingPage } from './lab-page';

export type BrowserName = 'chromium' | 'firefox';

/** A page of the extension where the user sees it: the panel in DevTools, the popup, the grant window. */
export interface UiView {
  /** The rendered text of the first element matching `selector` (the whole page without one); '' when none. */
  text(selector?: string): Promise<string>;
  count(selector: string): Promise<number>;
  /** Runs the function source `fn`, called as fn(document, window) in the page; the result must be JSON. */
  evaluate<T>(fn: string): Promise<T>;
  /** A real click at the centre of the first element matching `selector` whose text contains `withText`. */
  click(selector: string, withText?: string): Promise<void>;
  /** Clicks into the field and types like a user. */
  fill(selector: string, text: string): Promise<void>;
}

export interface RealBrowser {
  name: BrowserName;
  display: Display;
  /** The tab the tests use as the developer's page (the lab). */
  labTab: EvaluatingPage;
  /** F12 on the lab tab, then the CORS tab of the toolbox: the panel as the user opens it. */
  openDevtoolsPanel(): Promise<UiView>;
  /** The toolbar button's keyboard shortcut (Alt+Shift+L) on the lab tab: the real popup, with activeTab. */
  openPopup(): Promise<UiView>;
  /** Resolves once the popup has closed (Chrome closes it when a permission prompt opens). */
  popupClosed(): Promise<void>;
  /** Closes the popup as a user does, with Escape, if it is open. */
  closePopup(): Promise<void>;
  /**
   * The window CORS Lens opens to ask for access where the asking page cannot (Firefox DevTools panels have no
   * permissions API); Chromium never needs it.
   */
  grantWindow(): Promise<UiView>;
  /** Waits for the browser's own permission prompt and answers it with real input. */
  answerPermissionPrompt(answer: 'allow' | 'deny'): Promise<void>;
  /**
   * The browser's own verdict on each lab request of the lab tab so far, by lab scenario id: Chromium's CorsError
   * (DevTools protocol), Firefox's console message "Cross-Origin Request Blocked: … (Reason: …)" (WebDriver BiDi),
   * which names the URL that failed: after a redirect, the redirect's target.
   */
  browserVerdicts(): Map<string, string>;
  /** Evaluates an expression in the extension's background (service worker / background page). */
  background<T>(expression: string): Promise<T>;
  /** Uncaught errors and unhandled rejections of the extension's pages and background, as they happened. */
  extensionErrors(): string[];
  /** The folder the browser saves downloads to (HAR and JSON exports). */
  downloadsDir: string;
  /** Resolves when the browser is gone (closed by the user, or crashed). */
  closed: Promise<void>;
  close(): Promise<void>;
}

/** How long to wait for the browser to show something (a prompt, a window, a panel) before failing. */
export const SHOW_TIMEOUT_MS = 20_000;

/** `promise`, or an error naming `what` once `timeoutMs` passed without it settling. */
export async function within<T>(what: string, promise: Promise<T>, timeoutMs = SHOW_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** How long one probe of `until` may take before it is abandoned and asked again. */
const PROBE_TIMEOUT_MS = 5_000;

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = SHOW_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      // A probe that never answers (a frame script sent into a page still loading is never answered) is abandoned
      // after a few seconds and asked again, so one lost answer costs a retry, not the whole wait.
      const value = await within(
        what,
        probe(),
        Math.min(PROBE_TIMEOUT_MS, Math.max(deadline - Date.now(), 1_000)),
      );
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `${what}: not within ${timeoutMs / 1000} s${last ? ` (last error: ${String(last)})` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Finds the element a click means: the first match of `selector` whose text contains `withText`. */
export function findElementSource(selector: string, withText: string | undefined): string {
  return `[...doc.querySelectorAll(${JSON.stringify(selector)})].find((el) => ${
    withText === undefined ? 'true' : `(el.textContent ?? '').includes(${JSON.stringify(withText)})`
  })`;
}
