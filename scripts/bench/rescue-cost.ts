// Rows: page-load time with "answer preflights" on for the bench page's own targets, side by side with the plain
// override on the same targets and with no extension, all interleaved in one run. Every request to a target is
// then paused once by the DevTools protocol (Fetch, response stage) and answered by the service worker (the bench's
// server answers its preflights 204, so they go on as it answered them).
import type { Page } from 'playwright-core';
import type { RulesView } from '../../src/shared/messages';
import { type LabProcess, startLabProcess } from '../../tests/harness/lab-process';
import { compareSides, type Side, sideLauncher } from './page-load';
import type { BenchRow } from './table';

/** Allows the bench page to read both lab APIs (the bench's own targets), answering preflights or not. */
async function overrideOwnTargets(side: Side, lab: LabProcess, answerPreflights: boolean): Promise<void> {
  const ext: Page = await side.session.openExtensionPage('src/welcome/index.html');
  let view: RulesView | undefined;
  for (const target of lab.apiOrigins) {
    const result = (await ext.evaluate((m) => chrome.runtime.sendMessage(m), {
      type: 'rules/allow',
      pageOrigin: lab.pageOrigin,
      target,
      answerPreflights,
    })) as { ok: boolean; errors?: unknown; view: RulesView };
    if (!result.ok) throw new Error(`bench: the override was refused: ${JSON.stringify(result.errors)}`);
    view = result.view;
  }
  if (view?.activeIds.length !== lab.apiOrigins.length)
    throw new Error('bench: the overrides are not active');
  if (answerPreflights) {
    const tabs = Object.values(view.rescue?.tabsByRule ?? {});
    if (tabs.length !== lab.apiOrigins.length || tabs.some((t) => t.length !== 1))
      throw new Error(
        `bench: answering preflights is not attached to the bench tab: ${JSON.stringify(view.rescue)}`,
      );
  }
  await ext.close();
}

export async function rescueCostRows(rounds = 9): Promise<BenchRow[]> {
  const lab = await startLabProcess();
  const { launch, closeAll } = sideLauncher(lab);
  try {
    const sides: Record<string, Side> = {
      without: await launch({ extension: false }),
      override: await launch({ grantHosts: true }),
      // The debugger permission granted at install, as in the end-to-end tests (no prompt under automation).
      rescue: await launch({ grantHosts: true, grantDebugger: true }),
    };
    await overrideOwnTargets(sides.override as Side, lab, false);
    await overrideOwnTargets(sides.rescue as Side, lab, true);
    const r = await compareSides(sides, 'without', lab, rounds);
    if (r.failed) throw new Error(`${r.failed} bench requests failed: the bench page is broken`);
    const ratio = (name: string) => Math.round((r.ratios[name] as number) * 1000) / 1000;
    const ms = (name: string) => Math.round(r.medians[name] as number);
    const vsOverride =
      Math.round(((r.medians.rescue as number) / (r.medians.override as number)) * 1000) / 1000;
    return [
      {
        group: 'page load, own targets',
        name: 'override active on the bench’s own targets',
        value: ratio('override'),
        unit: '×',
        note: `median ${ms('override')} ms vs ${ms('without')} ms without the extension, ${rounds} rounds`,
      },
      {
        group: 'page load, own targets',
        name: 'answer preflights on, same targets (debugger attached)',
        value: ratio('rescue'),
        unit: '×',
        note: `median ${ms('rescue')} ms; ${vsOverride}× the plain override`,
      },
    ];
  } finally {
    await closeAll();
    await lab.close();
  }
}
