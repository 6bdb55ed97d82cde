// Every message a context can send to the background, declared once. The background answers them with one
// handler map (src/background/handlers.ts) whose keys are these names.
import type { AfterGrant } from '../core/access';
import type { Lifetime, ObservedTarget, OverrideRule } from '../core/rules';

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
}

export interface FieldError {
  field: string;
  message: string;
}

export type Result<T> =
  | { ok: true; value: T; view: RulesView }
  | { ok: false; errors: FieldError[]; view: RulesView };

/** Where an access request stands: the action's answer once access is granted and the action ran. */
export type GrantState =
  | { state: 'waiting' }
  | { state: 'done'; result: unknown }
  | { state: 'declined' }
  /** No such request: it was never made, or it is older than ten minutes. */
  | { state: 'unknown' };

export interface Messages {
  ping: { request: Record<string, never>; response: BackgroundStatus };
  'rules/get': { request: Record<string, never>; response: RulesView };
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
    };
    response: Result<OverrideRule>;
  };
  /** Create or replace a rule from the editor's draft (validated in the background too). */
  'rules/save': { request: { draft: unknown }; response: Result<OverrideRule> };
  'rules/remove': { request: { id: string }; response: RulesView };
  'rules/extend': { request: { id: string }; response: RulesView };
  'rules/set-rule-enabled': { request: { id: string; enabled: boolean }; response: RulesView };
  /** The global off switch: false removes every override at once (rules are kept, switched off). */
  'rules/set-enabled': { request: { enabled: boolean }; response: RulesView };
  'rules/import': { request: { json: string }; response: Result<{ added: number; replaced: number }> };
  'rules/export': { request: Record<string, never>; response: { json: string } };
  /**
   * Host access asked in context (src/shared/request-access.ts). A page registers what it wants done before it
   * opens the browser's prompt, because the prompt can close it (Chrome closes the popup); the background does it
   * once access is granted (permissions.onAdded), exactly once, and keeps the answer for `access/complete`.
   */
  'access/after-grant': {
    request: { id: string; origins: string[]; action: AfterGrant };
    response: Record<string, never>;
  };
  /** For contexts without the permissions API (Firefox DevTools panels): a CORS Lens window asks instead. */
  'access/open-grant-page': {
    request: { id: string; origins: string[]; action: AfterGrant };
    response: Record<string, never>;
  };
  /** What the grant page asks for, and why. */
  'access/describe': {
    request: { id: string };
    response: { origins: string[]; action: AfterGrant['type'] } | { missing: true };
  };
  /** Does the action now if access is granted and it has not run yet; answers where the request stands. */
  'access/complete': { request: { id: string }; response: GrantState };
  /** The user refused in the grant page: whoever waits stops waiting. */
  'access/decline': { request: { id: string }; response: GrantState };
  /** The cross-origin targets a tab's page called, from its log (filled while a CORS panel watched that tab). */
  'tab/targets': { request: { tabId: number; pageOrigin: string }; response: { targets: ObservedTarget[] } };
}

export type MessageName = keyof Messages;
export type Request<N extends MessageName> = { type: N } & Messages[N]['request'];
export type Response<N extends MessageName> = Messages[N]['response'];
export type AnyRequest = { [N in MessageName]: Request<N> }[MessageName];

const messageNames: Record<MessageName, true> = {
  ping: true,
  'rules/get': true,
  'rules/allow': true,
  'rules/save': true,
  'rules/remove': true,
  'rules/extend': true,
  'rules/set-rule-enabled': true,
  'rules/set-enabled': true,
  'rules/import': true,
  'rules/export': true,
  'access/after-grant': true,
  'access/open-grant-page': true,
  'access/describe': true,
  'access/complete': true,
  'access/decline': true,
  'tab/targets': true,
};

/** Validates an incoming message's name at the receiving end; each handler validates its own fields. */
export function isRequest(value: unknown): value is AnyRequest {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && Object.hasOwn(messageNames, type);
}
