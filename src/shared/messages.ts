// Every message a context can send to the background, declared once. The background answers them with one
// handler map (src/background/handlers.ts) whose keys are these names.
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
  'tab/targets': true,
};

/** Validates an incoming message's name at the receiving end; each handler validates its own fields. */
export function isRequest(value: unknown): value is AnyRequest {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && Object.hasOwn(messageNames, type);
}
