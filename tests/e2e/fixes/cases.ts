// The requests every live-verified fix must let through, and what the page must then see.
import type { Page } from 'playwright-core';

/** What script on the page saw: whether fetch resolved, the status, the X-Request-Id it could read. */
export interface Attempt {
  allowed: boolean;
  status?: number;
  requestId?: string | null;
}

export interface PageRequest {
  path: string;
  method: string;
  credentials: RequestCredentials;
  headers: Record<string, string>;
}

/** A request that fails against the bare API; CORS Lens logs it and its fix input comes from that exchange. */
export interface ExchangeCase {
  id: string;
  request: PageRequest;
  /** Response headers the user adds in the Fix tab (script reads them; the network cannot tell). */
  expose?: string;
}

const ITEMS = '/api/items';

export const EXCHANGES = {
  simpleGet: {
    id: 'simple-get',
    request: { path: ITEMS, method: 'GET', credentials: 'same-origin', headers: {} },
  },
  credentialedPut: {
    id: 'credentialed-put',
    request: {
      path: ITEMS,
      method: 'PUT',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'k' },
    },
  },
  exposedHeader: {
    id: 'exposed-header',
    request: { path: ITEMS, method: 'GET', credentials: 'same-origin', headers: {} },
    expose: 'X-Request-Id',
  },
  credentialedDelete: {
    id: 'credentialed-delete',
    request: {
      path: ITEMS,
      method: 'DELETE',
      credentials: 'include',
      headers: { Authorization: 'Bearer t' },
    },
  },
  errorStatus: {
    id: 'error-status',
    request: { path: '/api/missing', method: 'GET', credentials: 'same-origin', headers: {} },
  },
} satisfies Record<string, ExchangeCase>;

export interface LiveCase {
  name: string;
  exchange: ExchangeCase;
  /** Sent with the fix in place: from the page the fix is for, or from another origin it must not admit. */
  attempts: { from: 'page' | 'otherPage'; expected(requestId: string): Attempt }[];
}

const ok = (requestId: string | null = null, status = 200) => ({ allowed: true, status, requestId });

export const LIVE_CASES: LiveCase[] = [
  { name: 'a simple GET', exchange: EXCHANGES.simpleGet, attempts: [{ from: 'page', expected: () => ok() }] },
  {
    name: 'a credentialed preflighted PUT with a custom header',
    exchange: EXCHANGES.credentialedPut,
    attempts: [{ from: 'page', expected: () => ok() }],
  },
  {
    name: 'a response header read by script (exposed)',
    exchange: EXCHANGES.exposedHeader,
    attempts: [{ from: 'page', expected: (requestId) => ok(requestId) }],
  },
  {
    name: 'a credentialed DELETE with Authorization',
    exchange: EXCHANGES.credentialedDelete,
    attempts: [{ from: 'page', expected: () => ok() }],
  },
  {
    name: 'another origin is still refused (the PUT from a second page origin; the first still passes)',
    exchange: EXCHANGES.credentialedPut,
    attempts: [
      { from: 'otherPage', expected: () => ({ allowed: false }) },
      { from: 'page', expected: () => ok() },
    ],
  },
  {
    name: 'an error answer (404) stays readable',
    exchange: EXCHANGES.errorStatus,
    attempts: [{ from: 'page', expected: () => ok(null, 404) }],
  },
];

/** Sends `request` to `origin` from the page with fetch; the URL names the case so its exchange can be found. */
export function sendFromPage(page: Page, origin: string, exchange: ExchangeCase): Promise<Attempt> {
  const url = `${origin}${exchange.request.path}?case=${exchange.id}`;
  return sendUrl(page, url, exchange.request);
}

export function sendUrl(page: Page, url: string, request: PageRequest): Promise<Attempt> {
  return page.evaluate(
    async ({ url, request }) => {
      try {
        const response = await fetch(url, {
          method: request.method,
          credentials: request.credentials,
          headers: request.headers,
          body: request.method === 'PUT' ? '{}' : undefined,
        });
        return { allowed: true, status: response.status, requestId: response.headers.get('x-request-id') };
      } catch {
        return { allowed: false };
      }
    },
    { url, request },
  );
}
