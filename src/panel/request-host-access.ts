import { browser } from '../shared/browser';

export type RequestHostAccess = (origins: string[]) => Promise<boolean>;

/** "http://a.test:8080" → "http://a.test/*" (host permissions ignore ports); patterns pass through unchanged. */
export function hostPattern(originOrPattern: string): string {
  if (originOrPattern.includes('*')) return originOrPattern;
  const url = new URL(originOrPattern);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Asks for host access; must run inside the click handler, since browsers prompt only during a user gesture. */
export const requestHostAccess: RequestHostAccess = (origins) =>
  browser.permissions.request({ origins: [...new Set(origins.map(hostPattern))] });
