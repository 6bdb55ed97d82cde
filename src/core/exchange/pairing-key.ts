/**
 * What a preflight and its actual request share: tab, page origin, URL and method. The requested header names are
 * compared separately (choose-preflight.ts) because the actual request's headers are known only once it is sent.
 */
export function pairingKey(tabId: number, initiator: string, url: string, method: string): string {
  const hash = url.indexOf('#');
  const withoutFragment = hash === -1 ? url : url.slice(0, hash);
  return `${tabId}\n${initiator}\n${method.toUpperCase()}\n${withoutFragment}`;
}
