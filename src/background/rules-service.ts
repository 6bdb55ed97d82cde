// Override rules as a service: every change goes through `change`, one at a time, and ends with the DNR rules,
// the expiry alarm and the toolbar in step with the stored model.
import {
  activeRules,
  checkQuota,
  defaultRuleFor,
  exportRules,
  extend,
  formatImportError,
  importRules,
  nextExpiry,
  type OverrideRule,
  type RulesState,
  ruleFromDraft,
} from '../core/rules';
import { browser } from '../shared/browser';
import { syncDnr } from './dnr-sync';
import type { FieldError, Handlers, Result, RulesView } from './handler-types';
import { loadRules, saveRules } from './rules-store';

export const EXPIRY_ALARM = 'cors-lens/rules-expiry';

let queue: Promise<unknown> = Promise.resolve();
/** Serialises rule changes: two popups clicking at once must not lose a rule. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

let expiryTimer: ReturnType<typeof setTimeout> | undefined;
async function scheduleExpiry(state: RulesState, now: number): Promise<void> {
  const at = nextExpiry(state, now);
  await browser.alarms.clear(EXPIRY_ALARM);
  clearTimeout(expiryTimer);
  if (at === null) return;
  // The alarm survives service-worker restarts; the timer is exact while this worker lives.
  browser.alarms.create(EXPIRY_ALARM, { when: at });
  expiryTimer = setTimeout(() => void refresh(), Math.max(0, at - now) + 50);
}

async function apply(state: RulesState, extraProblems: string[] = []): Promise<RulesView> {
  const now = Date.now();
  const { activeIds, problems } = await syncDnr(state, now);
  await scheduleExpiry(state, now);
  return {
    rules: state.rules,
    overridesEnabled: state.overridesEnabled,
    activeIds,
    now,
    problems: [...extraProblems, ...problems],
  };
}

/** Re-derives everything from storage (start-up, expiry, tab changes). */
export function refresh(): Promise<RulesView> {
  return serial(async () => {
    const { state, problems } = await loadRules();
    return apply(state, problems);
  });
}

type Change<T> = (
  state: RulesState,
  now: number,
) => { state: RulesState; value: T } | { errors: FieldError[] };

/** Reads the stored rules, applies `fn`, saves and applies the outcome: every rules message ends here. */
function change<T>(fn: Change<T>): Promise<Result<T>> {
  return serial(async () => {
    const { state, problems } = await loadRules();
    const now = Date.now();
    const outcome = fn(state, now);
    if ('errors' in outcome) return { ok: false, errors: outcome.errors, view: await apply(state, problems) };
    if (outcome.state === state)
      return { ok: true, value: outcome.value, view: await apply(state, problems) };
    // Refuse, in our words and before anything is saved, a change that would need more DNR rules than the
    // browser allows (one per active override at most). A change that lowers the count always goes through.
    const before = activeRules(state, now).length;
    const after = activeRules(outcome.state, now).length;
    const quota = after > before ? checkQuota(after) : undefined;
    if (quota)
      return { ok: false, errors: [{ field: 'rules', message: quota }], view: await apply(state, problems) };
    try {
      await saveRules(outcome.state);
    } catch (error) {
      const message = `The browser's storage refused the change (${errorText(error)}): nothing was saved. Remove rules you no longer need, then try again.`;
      return { ok: false, errors: [{ field: 'rules', message }], view: await apply(state, problems) };
    }
    return { ok: true, value: outcome.value, view: await apply(outcome.state, problems) };
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
  | 'rules/set-enabled'
  | 'rules/import'
  | 'rules/export'
> = {
  'rules/get': () => read(() => null),
  'rules/allow': ({ pageOrigin, target, lifetime, credentials, observed }) =>
    change<OverrideRule>((state, now) => {
      const rule = defaultRuleFor(
        { pageOrigin, target, observed: { ...observed, credentials } },
        now,
        crypto.randomUUID(),
        lifetime,
      );
      // One rule per page origin and target: allowing again replaces (and so renews) the old one.
      const existing = state.rules.find((r) => r.pageOrigin === rule.pageOrigin && sameTarget(r, rule));
      const next = existing ? { ...rule, id: existing.id } : rule;
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

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sameTarget(a: OverrideRule, b: OverrideRule): boolean {
  return a.target.origin === b.target.origin && a.target.pathPrefix === b.target.pathPrefix;
}
