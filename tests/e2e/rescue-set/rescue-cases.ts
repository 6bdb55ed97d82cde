// A generated set of cross-origin exchanges for counting what answering preflights changes: preflighted and simple
// requests, credentialed or not, whose preflight the server answers with every kind of status (ok, 401, 403, 404,
// 405, 500, 502, redirects) and headers, and whose actual response carries good, bad or no CORS headers.
// Deterministic: fast-check's sampler with a fixed seed.
import fc from 'fast-check';
import type { LabResponse } from '../../lab/spec.mjs';

type HeaderList = [string, string][];

export interface RescueCase {
  name: string;
  method: string;
  headers: HeaderList;
  credentials: 'omit' | 'include';
  /** Headers may hold PAGE, replaced by the page origin when the case runs. */
  preflight: LabResponse;
  response: LabResponse;
}

export const PAGE = '{PAGE}';

/** Every method and header name the generator uses: the override rule allows exactly these. */
export const RULE_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'patch'];
export const RULE_HEADERS = ['content-type', 'x-api-key', 'authorization', 'x-trace', 'content-language'];

const authorHeaders: HeaderList[] = [
  [],
  [['Content-Type', 'application/json']],
  [['Content-Type', 'text/plain']],
  [['X-Api-Key', 'k']],
  [['Authorization', 'Bearer t']],
  [
    ['X-Api-Key', 'k'],
    ['X-Trace', '1'],
  ],
  [['Content-Language', 'de']],
  // Not in the rule: blocked whoever answers the preflight with the rule's headers.
  [['X-Unlisted', '1']],
];
const preflightStatuses = [200, 204, 204, 200, 401, 403, 404, 405, 500, 502, 301, 302, 307, 308];
const corsHeaderSets = (credentials: boolean): HeaderList[] => [
  [],
  [['Access-Control-Allow-Origin', PAGE]],
  [
    ['Access-Control-Allow-Origin', PAGE],
    ['Access-Control-Allow-Credentials', 'true'],
    ['Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, PATCH, patch'],
    ['Access-Control-Allow-Headers', RULE_HEADERS.join(', ')],
  ],
  [['Access-Control-Allow-Origin', '*']],
  [['Access-Control-Allow-Origin', 'http://other.test']],
  credentials ? [['Access-Control-Allow-Origin', PAGE]] : [['WWW-Authenticate', 'Bearer']],
];

const caseArbitrary = fc
  .record({
    method: fc.constantFrom(...RULE_METHODS),
    headers: fc.constantFrom(...authorHeaders),
    credentials: fc.constantFrom('omit' as const, 'include' as const),
    preflightStatus: fc.constantFrom(...preflightStatuses),
    preflightHeaders: fc.nat({ max: 5 }),
    actualStatus: fc.constantFrom(200, 200, 201, 404, 500),
    actualHeaders: fc.nat({ max: 5 }),
  })
  .map((c) => {
    const withCredentials = c.credentials === 'include';
    const sets = corsHeaderSets(withCredentials);
    const preflightHeaders: HeaderList = [...(sets[c.preflightHeaders] ?? [])];
    if (c.preflightStatus >= 300 && c.preflightStatus < 400)
      preflightHeaders.push(['Location', '/elsewhere']);
    return {
      method: c.method,
      headers: c.headers,
      credentials: c.credentials,
      preflight: { status: c.preflightStatus, headers: preflightHeaders },
      response: { status: c.actualStatus, headers: [...(sets[c.actualHeaders] ?? [])] },
    };
  });

export function generateRescueCases(count = 300, seed = 20261203): RescueCase[] {
  return fc.sample(caseArbitrary, { seed, numRuns: count }).map((c, i) => ({ name: `rescue-${i}`, ...c }));
}

/** The same case with a preflight the server answers 204 (no Location): what the server fix would give. */
export function withOkPreflight(c: RescueCase): RescueCase {
  return {
    ...c,
    preflight: {
      ...c.preflight,
      status: 204,
      headers: (c.preflight.headers ?? []).filter(([n]) => n.toLowerCase() !== 'location'),
    },
  };
}
