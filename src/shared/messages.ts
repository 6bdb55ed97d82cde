// Every message a context can send to the background, declared once: what the sender sends (`request`), what the
// background's handler receives once the message is parsed where it arrives (`parsed`, by `requestParsers`, one
// parser per message in src/core), and what it answers. The background answers them with one handler map
// (src/background/handlers.ts) whose keys are these names. Every rules message answers in one shape, Result.

import {
  type AfterGrant,
  type GrantRegistration,
  parseGrantIdRequest,
  parseGrantRegistration,
} from '../core/access';
import { parseRescueStatusRequest } from '../core/rescue';
import {
  type AllowRequest,
  type CheckedDraft,
  type FieldError,
  type Lifetime,
  type ObservedTarget,
  type OverrideRule,
  type Parsed,
  parseAllowRequest,
  parseEmptyRequest,
  parseImportRequest,
  parseRuleIdRequest,
  parseSaveRequest,
  parseSetEnabledRequest,
  parseSetRuleEnabledRequest,
  parseTabTargetsRequest,
  type RuleDraft,
} from '../core/rules';

export type { FieldError };

export interface BackgroundStatus {
  name: string;
  version: string;
  /** When this service-worker instance started (ms since epoch): a restart shows as a new value. */
  startedAt: number;
}

/** What the popup shows about overrides; `now` is the background's clock for countdowns. */
export interface RulesView {
  rules: OverrideRule[];
  overridesEnabled: boolean;
  /** ids of the rules in force right now (enabled, not expired, global switch on). */
  activeIds: string[];
  now: number;
  /** Problems found while applying the rules, e.g. a quota overflow: shown, never silent. */
  problems: string[];
  /** Answering preflights (Chromium): absent when the rules could not be applied at all. */
  rescue?: RescueView;
}

/** Where CORS Lens answers preflights the server refuses (rules with answerPreflights, src/background/rescue). */
export interface RescueView {
  /** This browser can answer preflights (Chromium). */
  supported: boolean;
  /** …and the optional "debugger" permission is granted. */
  granted: boolean;
  /** For each rule in force that answers preflights: the tabs of its page origin where CORS Lens does. */
  tabsByRule: Record<string, number[]>;
}

/** The answer to every rules message: the value asked for, or why not; the rules as they now are either way. */
export type Result<T> =
  | { ok: true; value: T; view: RulesView }
  | { ok: false; errors: FieldError[]; view: RulesView };

type Empty = Record<string, never>;

/** Where an access request stands: the action's answer once access is granted and the action ran. */
export type GrantState =
  | { state: 'waiting' }
  | { state: 'done'; result: unknown }
  | { state: 'declined' }
  /** No such request: it was never made, is older than ten minutes, or its id does not parse. */
  | { state: 'unknown' };

export interface Messages {
  ping: { request: Empty; parsed: Empty; response: BackgroundStatus };
  'rules/get': { request: Empty; parsed: Empty; response: Result<null> };
  /** One-click allow: `pageOrigin` may read `target` for the default lifetime (observed methods/headers if known). */
  'rules/allow': {
    request: {
      pageOrigin: string;
      target: string;
      lifetime?: Lifetime;
      credentials?: boolean;
      /** What the log saw this page send to the target: the rule allows these instead of the defaults. */
      methods?: string[];
      requestHeaders?: string[];
      /** Response headers the page's script reads: the rule exposes them. */
      exposeHeaders?: string[];
      /** Chromium: answer the preflights the server refuses (absent: as the replaced rule had it). */
      answerPreflights?: boolean;
    };
    parsed: AllowRequest;
    response: Result<OverrideRule>;
  };
  /** Create or replace a rule from the editor's draft. */
  'rules/save': {
    request: { draft: RuleDraft };
    parsed: { draft: CheckedDraft };
    response: Result<OverrideRule>;
  };
  'rules/remove': { request: { id: string }; parsed: { id: string }; response: Result<string> };
  'rules/extend': { request: { id: string }; parsed: { id: string }; response: Result<OverrideRule> };
  'rules/set-rule-enabled': {
    request: { id: string; enabled: boolean };
    parsed: { id: string; enabled: boolean };
    response: Result<OverrideRule>;
  };
  /** Chromium: CORS Lens answers the preflights the server refuses, while the rule is in force (rescue). */
  'rules/set-answer-preflights': {
    request: { id: string; enabled: boolean };
    parsed: { id: string; enabled: boolean };
    response: Result<OverrideRule>;
  };
  /** The global off switch: false removes every override at once (rules are kept, switched off). */
  'rules/set-enabled': {
    request: { enabled: boolean };
    parsed: { enabled: boolean };
    response: Result<boolean>;
  };
  'rules/import': {
    request: { json: string };
    parsed: { json: string };
    response: Result<{ added: number; replaced: number }>;
  };
  /** Every rule as the text of a rules file. */
  'rules/export': { request: Empty; parsed: Empty; response: Result<string> };
  /**
   * Host access asked in context (src/shared/request-access.ts). A page registers what it wants done before it
   * opens the browser's prompt, because the prompt can close it (Chrome closes the popup); the background does it
   * once access is granted (permissions.onAdded), exactly once, and keeps the answer for `access/complete`.
   */
  'access/after-grant': {
    request: { id: string; origins: string[]; permissions?: string[]; action: AfterGrant };
    parsed: GrantRegistration;
    response: { errors?: FieldError[] };
  };
  /** For contexts without the permissions API (Firefox DevTools panels): a CORS Lens window asks instead. */
  'access/open-grant-page': {
    request: { id: string; origins: string[]; permissions?: string[]; action: AfterGrant };
    parsed: GrantRegistration;
    response: { errors?: FieldError[] };
  };
  /** What the grant page asks for, and why. */
  'access/describe': {
    request: { id: string };
    parsed: { id: string };
    response: { origins: string[]; action: AfterGrant['type'] } | { missing: true };
  };
  /** Does the action now if access is granted and it has not run yet; answers where the request stands. */
  'access/complete': { request: { id: string }; parsed: { id: string }; response: GrantState };
  /** The user refused in the grant page: whoever waits stops waiting. */
  'access/decline': { request: { id: string }; parsed: { id: string }; response: GrantState };
  /** The cross-origin targets a tab's page called, from its log (filled while a CORS panel watched that tab). */
  'tab/targets': {
    request: { tabId: number; pageOrigin: string };
    parsed: { tabId: number; pageOrigin: string };
    response: { targets: ObservedTarget[]; errors?: FieldError[] };
  };
  /** The overrides whose refused preflights CORS Lens answers in this tab now (Chromium; the panel shows them). */
  'rescue/status': {
    request: { tabId: number };
    parsed: { tabId: number };
    response: { answering: { ruleId: string; label: string }[]; errors?: FieldError[] };
  };
}

export type MessageName = keyof Messages;
export type Request<N extends MessageName> = { type: N } & Messages[N]['request'];
export type ParsedRequest<N extends MessageName> = { type: N } & Messages[N]['parsed'];
export type Response<N extends MessageName> = Messages[N]['response'];
export type AnyParsedRequest = { [N in MessageName]: ParsedRequest<N> }[MessageName];

/** One parser per message (src/core): the only way a message's fields reach a handler. */
export const requestParsers: {
  [N in MessageName]: (raw: Record<string, unknown>) => Parsed<Messages[N]['parsed']>;
} = {
  ping: parseEmptyRequest,
  'rules/get': parseEmptyRequest,
  'rules/allow': parseAllowRequest,
  'rules/save': parseSaveRequest,
  'rules/remove': parseRuleIdRequest,
  'rules/extend': parseRuleIdRequest,
  'rules/set-rule-enabled': parseSetRuleEnabledRequest,
  'rules/set-answer-preflights': parseSetRuleEnabledRequest,
  'rules/set-enabled': parseSetEnabledRequest,
  'rules/import': parseImportRequest,
  'rules/export': parseEmptyRequest,
  'access/after-grant': parseGrantRegistration,
  'access/open-grant-page': parseGrantRegistration,
  'access/describe': parseGrantIdRequest,
  'access/complete': parseGrantIdRequest,
  'access/decline': parseGrantIdRequest,
  'tab/targets': parseTabTargetsRequest,
  'rescue/status': parseRescueStatusRequest,
};

export type Arrival =
  | { ok: true; request: AnyParsedRequest }
  | { ok: false; type: MessageName; errors: FieldError[] };

/**
 * Parses a message at the receiving end: undefined when it is not one of ours (another listener may answer it),
 * else the parsed request or the field errors. Never throws, whatever the value (getters and hostile toString
 * included: fields are read once, into a plain copy).
 */
export function parseRequest(value: unknown): Arrival | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  let raw: Record<string, unknown>;
  try {
    raw = { ...(value as Record<string, unknown>) };
  } catch {
    return undefined;
  }
  const { type } = raw;
  if (typeof type !== 'string' || !Object.hasOwn(requestParsers, type)) return undefined;
  const name = type as MessageName;
  let parsed: Parsed<unknown>;
  try {
    parsed = (requestParsers[name] as (raw: Record<string, unknown>) => Parsed<unknown>)(raw);
  } catch (error) {
    parsed = { ok: false, errors: [{ field: 'message', message: `Unreadable message (${String(error)}).` }] };
  }
  if (!parsed.ok) return { ok: false, type: name, errors: parsed.errors };
  return { ok: true, request: { ...(parsed.value as object), type: name } as AnyParsedRequest };
}
