import { browser } from '../shared/browser';
import type { AnyRequest } from '../shared/messages';
import type { Handlers } from './handler-types';
import { grantHandlers } from './pending-grants';
import { rulesHandlers } from './rules-service';
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
};

export function handle(request: AnyRequest): Promise<unknown> {
  const handler = handlers[request.type] as (request: AnyRequest) => unknown;
  return Promise.resolve(handler(request));
}
