// The two lab pages the "looks like CORS" end-to-end tests drive in either browser: the main page and the public
// one (Local Network Access), each with a panel bound to its tab. Running their scenarios and finding each
// scenario's exchanges is the same in Chromium and Firefox.
import { expect } from 'vitest';
import type { LoggedExchange } from '../../src/shared/panel-protocol';
import type { ScenarioResult } from '../lab/public/run-scenario.mjs';
import type { Scenario } from '../lab/scenarios.mjs';
import { type EvaluatingPage, runLabScenario } from './lab-page';
import { scenarioOf, waitForEntries } from './panel-stream';

export interface LookalikeSide<P> {
  /** The lab page the requests run from. */
  page: P;
  /** The panel bound to that page's tab, with the side subscription of panel-stream.ts. */
  panel: P;
  scenarios: Scenario[];
  entries: LoggedExchange[];
}

export type SideKey = 'main' | 'public';

/** The scenarios of one side: the public page runs the Local Network Access ones only. */
export function scenariosFor(key: SideKey, all: Scenario[]): Scenario[] {
  return all.filter((s) => (s.page === 'public') === (key === 'public'));
}

/** Runs every scenario of each side (each as many times as it says) and waits for all their exchanges. */
export async function runSides<P extends EvaluatingPage>(
  sides: Record<SideKey, LookalikeSide<P>>,
  outcomes: Record<string, ScenarioResult>,
): Promise<void> {
  for (const side of Object.values(sides)) {
    for (const s of side.scenarios) outcomes[s.name] = await runLabScenario(side.page, s.name);
    side.entries = await waitForEntries(
      side.panel,
      (es) =>
        side.scenarios.every(
          (s) =>
            es.filter((e) => scenarioOf(e) === s.name && e.record.outcome !== 'pending').length >=
            (s.runs ?? 1),
        ),
      'every scenario’s exchanges',
    );
  }
}

/** Finding a scenario's side and exchanges. */
export function lookup<S extends LookalikeSide<unknown>>(sides: Record<SideKey, S>) {
  const sideOf = (name: string): S => (name.startsWith('local-network') ? sides.public : sides.main);
  const entriesOf = (name: string) => sideOf(name).entries.filter((e) => scenarioOf(e) === name);
  const only = (name: string) => {
    const mine = entriesOf(name);
    expect(mine, name).toHaveLength(1);
    return mine[0] as LoggedExchange;
  };
  return { sideOf, entriesOf, only };
}

/** The kinds a side's scenarios expect, each with the ids of the rows the kind filter must keep (sorted). */
export function rowsByKind<P>(side: LookalikeSide<P>): Map<string, string[]> {
  const byKind = new Map<string, string[]>();
  for (const s of side.scenarios) {
    if (s.kind === undefined) continue;
    const ids = side.entries.filter((e) => scenarioOf(e) === s.name).map((e) => e.record.id);
    byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), ...ids].sort());
  }
  return byKind;
}
