// Drives the lab's human page from a test: open it, run scenarios by name, read the outcome.
// Works with Playwright and Puppeteer pages alike (both evaluate a string expression).
import type { ScenarioResult } from '../lab/public/run-scenario.mjs';

export interface EvaluatingPage {
  goto(url: string): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
}

/** Opens the lab page; `query` (e.g. `?tab=b`) tells two lab tabs apart by URL. */
export async function openLabPage(page: EvaluatingPage, pageOrigin: string, query = ''): Promise<void> {
  await page.goto(`${pageOrigin}/${query}`);
  for (let i = 0; i < 150; i++) {
    if ((await page.evaluate(`document.body.dataset.ready === 'true'`)) === true) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the lab page at ${pageOrigin}/ did not become ready in 15 s`);
}

export async function runLabScenario(page: EvaluatingPage, name: string): Promise<ScenarioResult> {
  const expression = `(() => {
    const scenario = [...window.lab.scenarios, ...window.lab.lookalikes].find((s) => s.name === ${JSON.stringify(name)});
    if (!scenario) throw new Error('no lab scenario named ' + ${JSON.stringify(name)});
    return window.lab.runScenario(scenario);
  })()`;
  return (await page.evaluate(expression)) as ScenarioResult;
}

export async function runAllLabScenarios(page: EvaluatingPage): Promise<Record<string, ScenarioResult>> {
  return (await page.evaluate('window.lab.runAll()')) as Record<string, ScenarioResult>;
}

/** The id of the tab showing the lab page at `pageOrigin`, asked from an extension page. */
export function tabIdOf(extensionPage: EvaluatingPage, pageOrigin: string): Promise<number> {
  return tabIdShowing(extensionPage, `${pageOrigin}/`);
}

/** The id of the tab whose URL starts with `urlPrefix`, asked from an extension page, in either browser. */
export async function tabIdShowing(
  extensionPage: Pick<EvaluatingPage, 'evaluate'>,
  urlPrefix: string,
): Promise<number> {
  // A match pattern with a port matches nothing in Firefox (platform-facts): compare URLs instead.
  const id = await extensionPage.evaluate(`(globalThis.browser ?? globalThis.chrome).tabs.query({})
    .then((tabs) => tabs.find((t) => (t.url ?? '').startsWith(${JSON.stringify(urlPrefix)}))?.id)`);
  if (typeof id !== 'number')
    throw new Error(`the extension sees no tab showing ${urlPrefix} (no host access?)`);
  return id;
}
