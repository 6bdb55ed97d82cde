import { browser } from '../shared/browser';
import type { AnyRequest } from '../shared/messages';
import type { Handlers } from './handler-types';
import { rulesHandlers } from './rules-service';

const startedAt = Date.now();

/** The background's whole message API, one entry per message name. */
export const handlers: Handlers = {
  ping: () => {
    const { name, version } = browser.runtime.getManifest();
    return { name, version, startedAt };
  },
  ...rulesHandlers,
};

export function handle(request: AnyRequest): Promise<unknown> {
  const handler = handlers[request.type] as (request: AnyRequest) => unknown;
  return Promise.resolve(handler(request));
}
