import type { HeaderList } from './events';
import { headerValue } from './header-value';

/** What a CORS preflight asks permission for. */
export interface PreflightAsk {
  method: string;
  /** Lower-case, sorted, without duplicates. */
  headerNames: string[];
}

/**
 * Reads a preflight's question from its request headers, or undefined when the request is not a preflight.
 * Fetch §4.8: a preflight is an OPTIONS request carrying Access-Control-Request-Method.
 */
export function parsePreflightRequest(method: string, headers: HeaderList): PreflightAsk | undefined {
  if (method.toUpperCase() !== 'OPTIONS') return undefined;
  const requestedMethod = headerValue(headers, 'access-control-request-method')?.trim();
  if (requestedMethod === undefined || requestedMethod === '') return undefined;
  const names = (headerValue(headers, 'access-control-request-headers') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  return { method: requestedMethod, headerNames: [...new Set(names)].sort() };
}
