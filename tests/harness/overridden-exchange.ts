// An exchange an override made the difference for, checked the same way by the observe tests in either browser:
// the override's own verdict and label always; the server's verdict beside it where the browser lets an extension
// see the server's headers. Chromium's webRequest shows the response headers before DNR rewrote them; Firefox's
// shows them after (measured on Chromium 156 and Firefox ESR 153), so there the entry says they were unseen.
import { expect } from 'vitest';
import type { LoggedExchange } from '../../src/shared/panel-protocol';
import { specUrl } from '../lab/spec.mjs';
import type { BrowserName } from './browser-under-test';
import { type EvaluatingPage, scenarioOf, waitForEntries } from './panel-stream';

/** Allows `target` for `pageOrigin` through the background's own message, as the panel's Allow temporarily does. */
export async function allowThroughBackground(
  ext: EvaluatingPage,
  pageOrigin: string,
  target: string,
): Promise<void> {
  const result = (await ext.evaluate(`(globalThis.browser ?? globalThis.chrome).runtime.sendMessage(
    { type: 'rules/allow', pageOrigin: ${JSON.stringify(pageOrigin)}, target: ${JSON.stringify(target)} })`)) as {
    ok: boolean;
  };
  expect(result.ok).toBe(true);
}

/**
 * Fetches `overridden-<n>` lab URLs of `target` from `page` until the browser lets the page read one (the DNR rule
 * applies asynchronously); returns how many were refused before.
 */
export async function fetchUntilAllowed(page: EvaluatingPage, target: string): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (let refused = 0; Date.now() < deadline; refused++) {
    const url = specUrl(target, { id: `overridden-${refused}` });
    if (
      (await page.evaluate(
        `fetch(${JSON.stringify(url)}, { cache: 'no-store' }).then((r) => r.ok, () => false)`,
      )) === true
    )
      return refused;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the override for ${target} did not let the page read a response within 20 s`);
}

/** Waits for the completed exchange the override rewrote, then checks both verdicts. */
export async function expectOverriddenExchange(
  browser: BrowserName,
  ext: EvaluatingPage,
  pageOrigin: string,
  target: string,
): Promise<void> {
  const pick = (es: LoggedExchange[]) =>
    es.find(
      (e) => scenarioOf(e)?.startsWith('overridden-') && e.record.outcome === 'completed' && e.override,
    );
  const entry = pick(await waitForEntries(ext, (es) => pick(es) !== undefined, 'the overridden exchange'));
  expect(entry?.override?.verdict.allowed).toBe(true);
  expect(entry?.override?.label).toBe(`${new URL(pageOrigin).host} → ${new URL(target).host}`);
  if (browser === 'chromium') {
    // Blocked by the server (it sent no ACAO), allowed by the override.
    expect(entry?.verdict.allowed).toBe(false);
    expect(entry?.verdict.corsError).toBe('MissingAllowOriginHeader');
    expect(entry?.override?.serverHeadersUnseen).toBeUndefined();
  } else {
    // The server's own verdict cannot be known, and the entry says so instead of claiming one.
    expect(entry?.override?.serverHeadersUnseen).toBe(true);
  }
}
