import { browser } from './browser';
import type { MessageName, Messages, Response } from './messages';

/** Sends a typed message to the background and resolves with its typed answer. */
export function send<N extends MessageName>(
  type: N,
  payload: Messages[N]['request'] = {} as Messages[N]['request'],
): Promise<Response<N>> {
  return browser.runtime.sendMessage({ type, ...payload }) as Promise<Response<N>>;
}
