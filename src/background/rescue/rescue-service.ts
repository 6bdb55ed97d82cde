// Answering the preflights a server refuses (Chromium, opt-in per rule; the decisions are src/core/rescue's).
// While a rule that answers preflights is in force, CORS Lens is attached with chrome.debugger to every tab of the
// rule's page origin, with the DevTools protocol's Fetch domain pausing the rule's targets at the response stage
// (the server has answered; one pause per request, fewer than pausing before the request as well), and answers
// each paused request: when the server refused a preflight of the rule, the rule's 204 replaces its answer;
// everything else goes on untouched. The server thus sees every preflight, and so does the log. No rule, no tab
// of its origin, no permission: no session. The session outlives a stopped service worker and its events wake the
// next one (measured in Chromium 156), so the listeners are registered at top level (index.ts) and the attached
// tabs live in storage.

import { decidePaused, type PausedAction, rescuePlan } from '../../core/rescue';
import { activeRules, defaults, type OverrideRule, type RulesState } from '../../core/rules';
import { canAnswerPreflights } from '../../shared/can-answer-preflights';
import type { RescueView } from '../../shared/messages';
import { loadRules } from '../rules-store';
import { tabsByOrigin } from '../tab-origins';
import { type AttachedTabs, loadAttachedTabs, saveAttachedTabs } from './attached-tabs';
import { type Debuggee, type DebuggerApi, debuggerApi, hasDebuggerPermission } from './debugger-api';

/** The DevTools protocol version chrome.debugger.attach asks for. */
const PROTOCOL_VERSION = '1.3';

let queue: Promise<unknown> = Promise.resolve();
/** Attaching and detaching run one at a time: a rules change and a tab's detach must not interleave. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

/** The rules a paused request is decided by: read from storage by a worker that woke up for the event. */
let rules: Promise<RulesState> | undefined;

async function answeringRules(): Promise<OverrideRule[]> {
  rules ??= loadRules().then(({ state }) => state);
  return activeRules(await rules, Date.now()).filter((rule) => rule.answerPreflights);
}

/** Registered at top level (index.ts, followSavedRules): a rules change reaches the paused-request handler at once. */
export function forgetRescueRules(): void {
  rules = undefined;
}

interface RequestPaused {
  requestId: string;
  request: { url: string; method: string; headers: Record<string, string> };
  responseStatusCode?: number;
  responseErrorReason?: string;
}

function onDebuggerEvent(source: Debuggee, method: string, params?: unknown): void {
  if (method !== 'Fetch.requestPaused' || source.tabId === undefined || params === undefined) return;
  void answerPaused(source, params as RequestPaused);
}

/** Every paused request is answered, whatever happens: a request left paused hangs the page. */
async function answerPaused(source: Debuggee, params: RequestPaused): Promise<void> {
  const api = debuggerApi();
  if (api === undefined) return;
  let action: PausedAction = { kind: 'continue' };
  try {
    const { request, responseStatusCode, responseErrorReason } = params;
    action = decidePaused(
      {
        method: request.method,
        url: request.url,
        headers: request.headers,
        ...(responseStatusCode === undefined ? {} : { responseStatusCode }),
        ...(responseErrorReason === undefined ? {} : { responseErrorReason }),
      },
      await answeringRules(),
    );
  } catch (error) {
    console.warn('CORS Lens: could not decide on a paused request; it goes on untouched', error);
  }
  const { requestId } = params;
  if (action.kind === 'fulfill') {
    try {
      await api.sendCommand(source, 'Fetch.fulfillRequest', { requestId, ...action.answer });
      return;
    } catch (error) {
      console.warn('CORS Lens: could not answer a preflight; it goes on as the server answered', error);
    }
  }
  const intercept = action.kind === 'continue' && action.interceptResponse === true;
  await api
    .sendCommand(source, 'Fetch.continueRequest', {
      requestId,
      ...(intercept ? { interceptResponse: true } : {}),
    })
    .catch((error: unknown) => console.warn('CORS Lens: a paused request could not go on', error));
}

let onCanceled: (() => void) | undefined;
/** What to do when the user cancels the browser's "started debugging this browser" bar (index.ts wires it). */
export function whenRescueCanceled(callback: () => void): void {
  onCanceled = callback;
}

function onDebuggerDetach(source: Debuggee, reason: string): void {
  const { tabId } = source;
  if (tabId === undefined) return;
  void serial(async () => {
    const attached = await loadAttachedTabs();
    if (!(String(tabId) in attached)) return;
    delete attached[String(tabId)];
    await saveAttachedTabs(attached);
    // Cancel on the bar detaches every session of CORS Lens: attaching again would bring the bar straight back.
    if (reason === 'canceled_by_user') onCanceled?.();
  });
}

/**
 * Registers the debugger listeners, when the API is there: at the worker's start (index.ts, top level, so that a
 * paused request wakes a stopped worker and reaches it) and again once the permission is granted.
 */
export function listenToDebugger(): void {
  const api = debuggerApi();
  if (api === undefined) return;
  if (!api.onEvent.hasListener(onDebuggerEvent)) api.onEvent.addListener(onDebuggerEvent);
  if (!api.onDetach.hasListener(onDebuggerDetach)) api.onDetach.addListener(onDebuggerDetach);
}

/** Starts (or re-points) interception in a tab; attaches first when the tab is not attached yet. */
async function intercept(
  api: DebuggerApi,
  tabId: number,
  patterns: string[],
  attached: boolean,
): Promise<void> {
  const target = { tabId };
  const enable = () =>
    api.sendCommand(target, 'Fetch.enable', {
      patterns: patterns.map((urlPattern) => ({ urlPattern, requestStage: 'Response' })),
    });
  if (attached) {
    try {
      return void (await enable());
    } catch {
      // The session ended without our hearing of it: attach again.
    }
  }
  await api.attach(target, PROTOCOL_VERSION);
  await enable();
}

async function release(api: DebuggerApi | undefined, tabId: number): Promise<void> {
  if (api === undefined) return;
  await api.sendCommand({ tabId }, 'Fetch.disable').catch(() => undefined);
  await api.detach({ tabId }).catch(() => undefined); // the tab may be gone already
}

/**
 * Brings the sessions in line with `state` at `now`: attached to exactly the tabs of the page origins of the rules
 * in force that answer preflights (when the permission is granted), each paused on exactly those rules' targets.
 * Never throws: a tab that cannot be attached is reported in `problems` and left alone.
 */
export function reconcileRescue(
  state: RulesState,
  now: number,
): Promise<{ view: RescueView; problems: string[] }> {
  return serial(async () => {
    const supported = canAnswerPreflights();
    const api = debuggerApi();
    const granted = api !== undefined && (await hasDebuggerPermission());
    listenToDebugger();
    const answering = granted ? activeRules(state, now).filter((rule) => rule.answerPreflights) : [];
    const tabs = answering.length > 0 ? await tabsByOrigin() : {};
    const plan = rescuePlan(answering, tabs);
    const before = await loadAttachedTabs();
    const after: AttachedTabs = {};
    const problems: string[] = [];
    for (const tabId of Object.keys(before)) if (!plan.has(Number(tabId))) await release(api, Number(tabId));
    for (const [tabId, patterns] of plan) {
      try {
        await intercept(api as DebuggerApi, tabId, patterns, String(tabId) in before);
        after[String(tabId)] = patterns;
      } catch (error) {
        problems.push(
          `CORS Lens could not answer preflights in tab ${tabId} (${error instanceof Error ? error.message : String(error)}).`,
        );
      }
    }
    if (Object.keys(before).length + Object.keys(after).length > 0) await saveAttachedTabs(after);
    rules = Promise.resolve(state);
    const tabsByRule = Object.fromEntries(
      answering.map((rule) => [
        rule.id,
        (tabs[rule.pageOrigin] ?? []).filter((tabId) => String(tabId) in after),
      ]),
    );
    return { view: { supported, granted, tabsByRule }, problems };
  });
}

/**
 * Whether CORS Lens holds a session on this tab. A tab navigating to a host CORS Lens has no access to reports no
 * URL (tabs.onUpdated), yet its session must end: index.ts re-applies the rules when such a tab starts loading.
 */
export async function isRescuing(tabId: number): Promise<boolean> {
  return String(tabId) in (await loadAttachedTabs());
}

/** Ends every session (e.g. when overrides cannot be applied: then no rule may stay in force, rescue included). */
export function stopRescue(): Promise<unknown> {
  return reconcileRescue({ ...defaults, rules: [] }, 0);
}
