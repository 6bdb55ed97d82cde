import { browser } from '../shared/browser';
import type { AnyRequest, MessageName, Request, Response } from '../shared/messages';

export type Handlers = { [N in MessageName]: (request: Request<N>) => Promise<Response<N>> | Response<N> };

const startedAt = Date.now();

/** The background's whole message API, one entry per message name. */
export const handlers: Handlers = {
  ping: () => {
    const { name, version } = browser.runtime.getManifest();
    return { name, version, startedAt };
  },
};

export function handle(request: AnyRequest): Promise<unknown> {
  const handler = handlers[request.type] as (request: AnyRequest) => unknown;
  return Promise.resolve(handler(request));
}
