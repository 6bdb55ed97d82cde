import { hostPattern } from '../core/rules';
import { browser } from './browser';

export type RequestHostAccess = (originsOrPatterns: string[]) => Promise<boolean>;

/**
 * Asks for host access to these origins (as host patterns, ports aside: hostPattern). Must run inside the click
 * handler: browsers show the prompt only during a user gesture. DNR needs access to the page and the target.
 */
export const requestHostAccess: RequestHostAccess = (originsOrPatterns) =>
  browser.permissions.request({ origins: [...new Set(originsOrPatterns.map(hostPattern))] });
