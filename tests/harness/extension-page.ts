// An extension page in a tab (popup, panel, welcome), driven as a user drives it and evaluated in the extension's
// context. Playwright's and Puppeteer's pages share most of what this needs (string evaluation, element handles
// with trusted clicks, the keyboard); the few calls that differ come from each browser's PageDriver.
import { findElementSource, until } from './real-browser';

export interface ExtensionPage {
  /** Evaluates a JavaScript expression in the page (awaiting a promise); the result must be JSON. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  /** The textContent of the first element matching `selector` (of the body without one); '' when none. */
  text(selector?: string): Promise<string>;
  count(selector: string): Promise<number>;
  /** Waits until an element matches `selector` (and its text contains `withText`). */
  waitFor(selector: string, withText?: string): Promise<void>;
  /** A trusted click on the first element matching `selector` whose text contains `withText`, once it exists. */
  click(selector: string, withText?: string): Promise<void>;
  /** Replaces the field's value by typing `text`. */
  fill(selector: string, text: string): Promise<void>;
  /** Clicks the checkbox or switch if it is not already `checked`, then waits until it is. */
  setChecked(selector: string, checked: boolean): Promise<void>;
  /** Chooses an option of a <select>, by its value or by its visible label. */
  select(selector: string, option: { value: string } | { label: string }): Promise<void>;
  /** Chooses a file named `name` holding `contents` in the file input `selector`. */
  upload(selector: string, name: string, contents: string): Promise<void>;
  focus(selector: string): Promise<void>;
  /** Presses a key on the focused element, named by its KeyboardEvent.key: `Tab`, `Enter`, `Escape`, ' '. */
  press(key: string): Promise<void>;
  /** Types `text` into the focused element, key by key. */
  type(text: string): Promise<void>;
  /** Turns the mouse wheel over the element matching `selector`. */
  wheel(selector: string, deltaY: number): Promise<void>;
  /** Sets the page's viewport, e.g. to the popup's 400 × 600. */
  resize(width: number, height: number): Promise<void>;
  screenshot(path: `${string}.png`): Promise<void>;
  reload(): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

interface Box {
  x: number;
  y: number;
}

/** What Playwright's and Puppeteer's pages have in common, as this file uses it. */
export interface DrivablePage {
  evaluate(expression: string): Promise<unknown>;
  evaluateHandle(expression: string): Promise<{
    asElement(): { click(): Promise<void>; boundingBox(): Promise<Box | null> } | null;
  }>;
  focus(selector: string): Promise<void>;
  keyboard: { press(key: string): Promise<unknown>; type(text: string): Promise<unknown> };
  mouse: { move(x: number, y: number): Promise<void> };
  screenshot(options: { path: `${string}.png` }): Promise<unknown>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** The calls whose shape differs between the two libraries. */
export interface PageDriver {
  page: DrivablePage;
  fill(selector: string, text: string): Promise<void>;
  selectValue(selector: string, value: string): Promise<void>;
  upload(selector: string, name: string, contents: string): Promise<void>;
  wheel(deltaY: number): Promise<void>;
  resize(width: number, height: number): Promise<void>;
  reload(): Promise<void>;
  /** Before any input: Firefox delivers input to the front tab only. */
  beforeInput(): Promise<void>;
}

export function extensionPageOf(driver: PageDriver): ExtensionPage {
  const { page } = driver;
  const evaluate = <T>(expression: string) => page.evaluate(expression) as Promise<T>;
  const element = (selector: string, withText?: string) =>
    until(`an element ${selector}${withText ? ` with text "${withText}"` : ''}`, async () =>
      (
        await page.evaluateHandle(
          `(() => { const doc = document; return ${findElementSource(selector, withText)}; })()`,
        )
      ).asElement(),
    );
  const checked = (selector: string) =>
    evaluate<boolean | null>(`document.querySelector(${JSON.stringify(selector)})?.checked ?? null`);
  const click = async (selector: string, withText?: string) => {
    const target = await element(selector, withText);
    await driver.beforeInput();
    await target.click();
  };
  return {
    evaluate,
    text: (selector) =>
      evaluate<string>(
        `(${selector ? `document.querySelector(${JSON.stringify(selector)})` : 'document.body'})?.textContent ?? ''`,
      ),
    count: (selector) => evaluate<number>(`document.querySelectorAll(${JSON.stringify(selector)}).length`),
    waitFor: async (selector, withText) => {
      await element(selector, withText);
    },
    click,
    async fill(selector, text) {
      await element(selector);
      await driver.beforeInput();
      await driver.fill(selector, text);
    },
    async setChecked(selector, want) {
      await element(selector);
      if ((await checked(selector)) !== want) await click(selector);
      await until(
        `${selector} to be ${want ? 'checked' : 'unchecked'}`,
        async () => (await checked(selector)) === want,
      );
    },
    async select(selector, option) {
      await element(selector);
      const value =
        'value' in option
          ? option.value
          : await evaluate<string | null>(
              `[...document.querySelector(${JSON.stringify(selector)}).options].find((o) => o.textContent === ${JSON.stringify(option.label)})?.value ?? null`,
            );
      if (value === null)
        throw new Error(`${selector} has no option labelled "${'label' in option ? option.label : ''}"`);
      await driver.selectValue(selector, value);
    },
    async upload(selector, name, contents) {
      await element(selector);
      await driver.upload(selector, name, contents);
    },
    async focus(selector) {
      await element(selector);
      await driver.beforeInput();
      await page.focus(selector);
    },
    async press(key) {
      await driver.beforeInput();
      await page.keyboard.press(key);
    },
    async type(text) {
      await driver.beforeInput();
      await page.keyboard.type(text);
    },
    async wheel(selector, deltaY) {
      const box = await (await element(selector)).boundingBox();
      await driver.beforeInput();
      await page.mouse.move((box?.x ?? 0) + 200, (box?.y ?? 0) + 200);
      await driver.wheel(deltaY);
    },
    resize: (width, height) => driver.resize(width, height),
    async screenshot(path) {
      await page.screenshot({ path });
    },
    reload: () => driver.reload(),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}
