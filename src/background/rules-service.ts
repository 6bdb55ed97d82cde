// Override rules as a service: every change goes through `change`, one at a time, and ends with the DNR rules,
// the expiry alarm and the toolbar in step with the stored model, or with neither changed.
import {
  activeRules,
  checkQuota,
  defaultRuleFor,
  exportRules,
  extend,
  formatCount,
  formatImportError,
  importRules,
  LIMITS,
  nextExpiry,
  type OverrideRule,
  type RulesState,
  ruleFromDraft,
} from '../core/rules';
import { browser } from '../shared/browser';
import { removeAllDnrRules, syncDnr } from './dnr-sync';
import { expiryNow } from './expiry-clock';
import type { FieldError, Handlers, Result, RulesView } from './handler-types';
import { isRescuing, reconcileRescue, stopRescue } from './rescue/rescue-service';
import { loadRules, saveRules } from './rules-store';
import { followTabsWhile } from './tab-follow';

export const EXPIRY_ALARM = 'cors-lens/rules-expiry';

let queue: Promise<unknown> = Promise.resolve();
/** Serialises rule changes: two popups clicking at once must not lose a rule. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

/** How soon a failed update is tried again (Chromium fires alarms at most every 30 s). */
const RETRY_MS = 60_000;

let expiryTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Arms the expiry alarm for the next expiry, or for a retry when the last update failed. The alarm survives
 * service-worker restarts; it is set by delay rather than by date, so that a wall clock set back does not postpone
 * it. The timer is exact (and monotonic) while this worker lives.
 */
async function scheduleExpiry(state: RulesState | undefined, now: number, retry: boolean): Promise<void> {
  clearTimeout(expiryTimer);
  const next = state === undefined ? null : nextExpiry(state, now);
  const at = retry ? Math.min(next ?? Number.POSITIVE_INFINITY, now + RETRY_MS) : next;
  try {
    if (at === null) await browser.alarms.clear(EXPIRY_ALARM);
    else await browser.alarms.create(EXPIRY_ALARM, { delayInMinutes: Math.max(0, at - now) / 60_000 });
  } catch (error) {
    console.error('CORS Lens: the expiry alarm could not be set', error);
  }
  if (at !== null)
    expiryTimer = setTimeout(() => void refresh().catch(reportFailure), Math.max(0, at - now) + 50);
}

/** Logs a failure nobody waits for (an alarm, a timer, a tab event): it must not vanish. */
/**
 * A tab navigated: recompile narrowed rules and re-attach rescue sessions. A tab CORS Lens answers preflights in,
 * leaving for a host it cannot see (no url reported), must be let go of too.
 */
function onTabUpdated(tabId: number, info: { url?: string; status?: string }): void {
  if (info.url) void refresh().catch(reportFailure);
  else if (info.status === 'loading')
    void isRescuing(tabId)
      .then((yes) => (yes ? refresh() : undefined))
      .catch(reportFailure);
}

export function reportFailure(error: unknown): void {
  console.error('CORS Lens: updating the override rules failed', error);
}

/**
 * When the rules cannot be applied normally, no override stays in force: every CORS Lens DNR rule is removed (an
 * expired rule among them must not outlive its expiry), and the retry alarm re-applies what is still active.
 */
async function failClosed(error: unknown): Promise<string> {
  reportFailure(error);
  await stopRescue();
  try {
    await removeAllDnrRules();
    return `Overrides could not be applied (${errorText(error)}), so every override is off until the next try, within a minute.`;
  } catch (removeError) {
    reportFailure(removeError);
    return `Overrides could neither be applied (${errorText(error)}) nor removed (${errorText(removeError)}); the next try is within a minute. Restart the browser if this persists.`;
  }
}

/** Syncs DNR with `state` or throws (syncDnr leaves the old rules installed); re-arms the alarm either way. */
async function sync(state: RulesState, now: number, extraProblems: string[]): Promise<RulesView> {
  let failed = true;
  try {
    const { activeIds, problems, followsTabs } = await syncDnr(state, now);
    failed = false;
    // Answering preflights follows the DNR rules it completes; its own trouble is reported, never fatal.
    const rescue = await reconcileRescue(state, now);
    // Tab navigations matter while a rule is narrowed to tabs, or while a rule answers preflights in its tabs.
    followTabsWhile(followsTabs || Object.keys(rescue.view.tabsByRule).length > 0, onTabUpdated);
    return {
      ...viewOf(state, now, activeIds, [...extraProblems, ...problems, ...rescue.problems]),
      rescue: rescue.view,
    };
  } finally {
    await scheduleExpiry(state, now, failed);
  }
}

/** Syncs DNR with `state`; when that fails, no override stays in force (failClosed) and a retry is armed. */
async function apply(state: RulesState, extraProblems: string[] = [], at?: number): Promise<RulesView> {
  const now = at ?? (await expiryNow());
  try {
    return await sync(state, now, extraProblems);
  } catch (error) {
    return viewOf(state, now, [], [...extraProblems, await failClosed(error)]);
  }
}

/** The stored rules, or (storage unreadable) the failed view: no override in force, a retry armed. */
async function load(): Promise<{ state: RulesState; problems: string[] } | { failed: RulesView }> {
  try {
    return await loadRules();
  } catch (error) {
    const now = await expiryNow();
    const problem = await failClosed(error);
    await scheduleExpiry(undefined, now, true);
    return { failed: { rules: [], overridesEnabled: false, activeIds: [], now, problems: [problem] } };
  }
}

function viewOf(state: RulesState, now: number, activeIds: string[], problems: string[]): RulesView {
  return { rules: state.rules, overridesEnabled: state.overridesEnabled, activeIds, now, problems };
}

/** Re-derives everything when an override is in force (a worker that just started); otherwise does nothing. */
export async function refreshIfActive(): Promise<void> {
  const { state } = await loadRules();
  if (activeRules(state, Date.now()).length > 0) await refresh();
}

/** Re-derives everything from storage (start-up, expiry, tab changes). Never rejects: failures end in the view. */
export function refresh(): Promise<RulesView> {
  return serial(async () => {
    const loaded = await load();
    return 'failed' in loaded ? loaded.failed : apply(loaded.state, loaded.problems);
  });
}

type Change<T> = (
  state: RulesState,
  now: number,
) => { state: RulesState; value: T } | { errors: FieldError[] };

/** Reads the stored rules, applies `fn`, saves and applies the outcome: every rules message ends here. */
function change<T>(fn: Change<T>): Promise<Result<T>> {
  return serial(async () => {
    const loaded = await load();
    if ('failed' in loaded)
      return {
        ok: false,
        errors: [{ field: 'rules', message: loaded.failed.problems.join(' ') }],
        view: loaded.failed,
      };
    const { state, problems } = loaded;
    const now = await expiryNow();
    const outcome = fn(state, now);
    if ('errors' in outcome)
      return { ok: false, errors: outcome.errors, view: await apply(state, problems, now) };
    if (outcome.state === state)
      return { ok: true, value: outcome.value, view: await apply(state, problems, now) };
    // Refuse, in our words and before anything is saved, a change that would need more DNR rules than the
    // browser allows (one per active override at most). A change that lowers the count always goes through.
    const before = activeRules(state, now).length;
    const after = activeRules(outcome.state, now).length;
    const quota =
      (after > before ? checkQuota(after) : undefined) ??
      tooManyRules(state.rules.length, outcome.state.rules.length);
    if (quota)
      return {
        ok: false,
        errors: [{ field: 'rules', message: quota }],
        view: await apply(state, problems, now),
      };
    // All or nothing: the DNR rules first (a refusal leaves the old ones installed), then storage (a refusal
    // there puts the old DNR rules back).
    let view: RulesView;
    try {
      view = await sync(outcome.state, now, problems);
    } catch (error) {
      reportFailure(error);
      const message = `The browser refused the overrides (${errorText(error)}): nothing was changed.`;
      return { ok: false, errors: [{ field: 'rules', message }], view: await apply(state, problems, now) };
    }
    try {
      await saveRules(outcome.state);
    } catch (error) {
      const message = `The browser's storage refused the change (${errorText(error)}): nothing was saved. Remove rules you no longer need, then try again.`;
      return { ok: false, errors: [{ field: 'rules', message }], view: await apply(state, problems, now) };
    }
    return { ok: true, value: outcome.value, view };
  });
}

/** A read: the rules as they are, applied afresh (the answer to rules/get and to a message that did not parse). */
function read<T>(value: (state: RulesState) => T): Promise<Result<T>> {
  return change((state) => ({ state, value: value(state) }));
}

/** The answer to a rules message whose fields do not parse. */
export function refuseRulesMessage(errors: FieldError[]): Promise<Result<never>> {
  return change<never>(() => ({ errors }));
}

function upsert(state: RulesState, rule: OverrideRule): RulesState {
  const others = state.rules.filter((r) => r.id !== rule.id);
  return { ...state, rules: [...others, rule] };
}

/** Changes the rule with this id, or says there is none. */
function changeRule(
  state: RulesState,
  id: string,
  fn: (rule: OverrideRule) => OverrideRule,
): { state: RulesState; value: OverrideRule } | { errors: FieldError[] } {
  const rule = state.rules.find((r) => r.id === id);
  if (rule === undefined) return noSuchRule(id);
  const changed = fn(rule);
  return { state: { ...state, rules: state.rules.map((r) => (r === rule ? changed : r)) }, value: changed };
}

function noSuchRule(id: string): { errors: FieldError[] } {
  return {
    errors: [
      { field: 'id', message: `No rule has the id ${JSON.stringify(id)}: it was removed, or never saved.` },
    ],
  };
}

export const rulesHandlers: Pick<
  Handlers,
  | 'rules/get'
  | 'rules/allow'
  | 'rules/save'
  | 'rules/remove'
  | 'rules/extend'
  | 'rules/set-rule-enabled'
  | 'rules/set-answer-preflights'
  | 'rules/set-enabled'
  | 'rules/import'
  | 'rules/export'
> = {
  'rules/get': () => read(() => null),
  'rules/allow': ({ pageOrigin, target, lifetime, credentials, observed, answerPreflights }) =>
    change<OverrideRule>((state, now) => {
      const rule = defaultRuleFor(
        { pageOrigin, target, observed: { ...observed, credentials } },
        now,
        crypto.randomUUID(),
        lifetime,
      );
      // One rule per page origin and target: allowing again replaces (and so renews) the old one.
      const existing = state.rules.find((r) => r.pageOrigin === rule.pageOrigin && sameTarget(r, rule));
      const next = withAnswerPreflights(
        existing ? { ...rule, id: existing.id } : rule,
        answerPreflights ?? existing?.answerPreflights === true,
      );
      return { state: upsert({ ...state, overridesEnabled: true }, next), value: next };
    }),
  'rules/save': ({ draft }) =>
    change<OverrideRule>((state, now) => {
      const rule = ruleFromDraft(draft, now);
      return { state: upsert(state, rule), value: rule };
    }),
  'rules/remove': ({ id }) =>
    change((state) =>
      state.rules.some((r) => r.id === id)
        ? { state: { ...state, rules: state.rules.filter((r) => r.id !== id) }, value: id }
        : noSuchRule(id),
    ),
  'rules/extend': ({ id }) => change((state, now) => changeRule(state, id, (rule) => extend(rule, now))),
  'rules/set-rule-enabled': ({ id, enabled }) =>
    change((state) => changeRule(state, id, (rule) => ({ ...rule, enabled }))),
  'rules/set-answer-preflights': ({ id, enabled }) =>
    change((state) => changeRule(state, id, (rule) => withAnswerPreflights(rule, enabled))),
  'rules/set-enabled': ({ enabled }) =>
    change((state) => ({ state: { ...state, overridesEnabled: enabled }, value: enabled })),
  'rules/import': ({ json }) =>
    change<{ added: number; replaced: number }>((state) => {
      const result = importRules(json, state);
      if (!result.ok)
        return { errors: result.errors.map((e) => ({ field: 'file', message: formatImportError(e) })) };
      return { state: result.state, value: { added: result.added, replaced: result.replaced } };
    }),
  'rules/export': () => read(exportRules),
};

/**
 * Switches answering preflights off on every rule: the user cancelled the browser's "started debugging this
 * browser" bar, which ends every session of CORS Lens (rescue-service.ts).
 */
export function switchOffAnswerPreflights(): Promise<Result<null>> {
  return change((state) =>
    state.rules.some((rule) => rule.answerPreflights)
      ? {
          state: { ...state, rules: state.rules.map((rule) => withAnswerPreflights(rule, false)) },
          value: null,
        }
      : { state, value: null },
  );
}

/** A change that would keep more rules than LIMITS.rules (counting switched-off ones) is refused. */
function tooManyRules(before: number, after: number): string | undefined {
  if (after <= before || after <= LIMITS.rules) return undefined;
  return `CORS Lens keeps at most ${formatCount(LIMITS.rules)} rules: remove rules you no longer need first.`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The option is stored only when on (types.ts): off removes the field. */
function withAnswerPreflights(rule: OverrideRule, on: boolean): OverrideRule {
  const { answerPreflights: _, ...rest } = rule;
  return on ? { ...rest, answerPreflights: true } : rest;
}

function sameTarget(a: OverrideRule, b: OverrideRule): boolean {
  return a.target.origin === b.target.origin && a.target.pathPrefix === b.target.pathPrefix;
}
