import { hostPattern } from '../core/rules';
import { browser } from './browser';

export type RequestRescueAccess = (origins: string[]) => Promise<boolean>;

/**
 * Asks, in one prompt, for the "debugger" permission that answering preflights needs (Chromium), and for host
 * access to these origins when given (an override rewrites their responses). Must run inside the click handler:
 * the prompt opens only during a user gesture.
 */
export const requestRescueAccess: RequestRescueAccess = (origins) =>
  browser.permissions.request({
    permissions: ['debugger' as never],
    ...(origins.length > 0 ? { origins: [...new Set(origins.map(hostPattern))] } : {}),
  });
