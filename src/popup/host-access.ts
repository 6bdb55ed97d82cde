import { browser } from '../shared/browser';

/** A host permission pattern for an origin: DNR needs host access to the page and the target, ports aside. */
export function hostPattern(originOrUrl: string): string {
  const url = new URL(originOrUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Asks for host access to exactly these origins. Must be called directly from a click handler: the browser
 * only shows the prompt during a user gesture.
 */
export function requestHostAccess(origins: string[]): Promise<boolean> {
  const patterns = [...new Set(origins.map(hostPattern))];
  return browser.permissions.request({ origins: patterns });
}
