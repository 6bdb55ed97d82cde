import { browser } from '../shared/browser';
import { type AnyParsedRequest, type FieldError, type ParsedRequest, parseRequest } from '../shared/messages';
import type { Handlers, Refusals } from './handler-types';
import { grantHandlers, grantRefusals } from './pending-grants';
import { rescueStatusHandlers } from './rescue/rescue-status';
import { refuseRulesMessage, rulesHandlers } from './rules-service';
import { tabTargetsHandlers } from './tab-targets';

const startedAt = Date.now();

/** The background's whole message API, one entry per message name. */
export const handlers: Handlers = {
  ping: () => {
    const { name, version } = browser.runtime.getManifest();
    return { name, version, startedAt };
  },
  ...rulesHandlers,
  ...grantHandlers,
  ...tabTargetsHandlers,
  ...rescueStatusHandlers,
};

/** The answer to a message whose fields do not parse: the field errors, in the message's own answer shape. */
const refusals: Refusals = {
  // Never called: a ping has no fields to refuse.
  ping: () => handlers.ping({ type: 'ping' } as ParsedRequest<'ping'>),
  'rules/get': refuseRulesMessage,
  'rules/allow': refuseRulesMessage,
  'rules/save': refuseRulesMessage,
  'rules/remove': refuseRulesMessage,
  'rules/extend': refuseRulesMessage,
  'rules/set-rule-enabled': refuseRulesMessage,
  'rules/set-answer-preflights': refuseRulesMessage,
  'rules/set-enabled': refuseRulesMessage,
  'rules/import': refuseRulesMessage,
  'rules/export': refuseRulesMessage,
  ...grantRefusals,
  'tab/targets': (errors) => ({ targets: [], errors }),
  'rescue/status': (errors) => ({ answering: [], errors }),
};

/**
 * Answers a message where it arrives: parsed first (one parser per message), then handled. Undefined for a
 * message that is not ours, so that the runtime lets another listener answer it.
 */
export function handle(message: unknown): Promise<unknown> | undefined {
  const arrival = parseRequest(message);
  if (arrival === undefined) return undefined;
  if (!arrival.ok) {
    const refuse = refusals[arrival.type] as (errors: FieldError[]) => unknown;
    return Promise.resolve(refuse(arrival.errors));
  }
  const handler = handlers[arrival.request.type] as (request: AnyParsedRequest) => unknown;
  return Promise.resolve(handler(arrival.request));
}
