import type { HeaderPair, RequiredHeaders } from './types';

/**
 * The preflight headers a server config adds on top of those it sends on every response under the path
 * (Caddy's and Apache's snippets set the actual-response headers for all requests there, preflights included).
 */
export function preflightOnlyHeaders({ forPreflight, forActual }: RequiredHeaders): HeaderPair[] {
  const everywhere = new Set(forActual.map(([name]) => name));
  return forPreflight.filter(([name]) => !everywhere.has(name));
}
