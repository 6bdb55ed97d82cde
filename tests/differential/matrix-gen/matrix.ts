// Generates the differential matrix: exchanges the lab can produce, each to be run in real Chromium and through
// our engine. Deterministic (seeded) so a disagreement can be reproduced by its case name.
import type { LabResponse } from '../../lab/spec.mjs';

type HeaderList = [string, string][];

export interface DiffCase {
  name: string;
  method: string;
  headers: HeaderList;
  credentials: 'omit' | 'same-origin' | 'include';
  /** Fetch request mode; `cors` unless the case says otherwise. */
  mode: 'cors' | 'same-origin' | 'no-cors';
  preflight: LabResponse;
  /** The first API's answer; a redirect (3xx) names `redirectTo`'s URL in its Location header. */
  response: LabResponse;
  /** `with-credentials`: the other API origin with user:pass in the Location URL. */
  redirect?: { to: 'same-origin' | 'other-origin' | 'with-credentials'; response: LabResponse };
}

/** Placeholder replaced by the page origin when the case is run (cases are generated before the lab starts). */
export const PAGE = '{PAGE}';

/** A planned response with the PAGE placeholder replaced by the page's origin. */
export function withPage(response: LabResponse, page: string): LabResponse {
  return {
    ...response,
    headers: response.headers?.map(([n, v]) => [n, v.replaceAll(PAGE, page)] as [string, string]),
  };
}

const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'patch', 'OPTIONS'] as const;
const authorHeaderSets: HeaderList[] = [
  [],
  [['Content-Type', 'text/plain']],
  [['Content-Type', 'application/json']],
  [['Content-Type', 'text/plain; charset=utf-8']],
  [['X-Api-Key', 'k']],
  [['Authorization', 'Bearer t']],
  [['Accept', 'application/json']],
  [['Accept', 'text/"html"']],
  [['Accept-Language', 'en-US,en;q=0.9']],
  [['Content-Language', 'de']],
  [['Range', 'bytes=0-99']],
  [['Range', 'bytes=0-99,200-299']],
  [['Accept-Language', 'x'.repeat(129)]],
  [
    ['X-Api-Key', 'k'],
    ['X-Trace', '1'],
  ],
];
const originValues = (credentials: boolean): (string | null | string[])[] => [
  PAGE,
  PAGE,
  '*',
  null,
  'http://other.test',
  [PAGE, PAGE],
  `${PAGE}, http://other.test`,
  'null',
  `${PAGE}/`,
  credentials ? PAGE : ' ',
];
const credentialValues = [null, 'true', 'TRUE', 'false'];
export const methodLists = [
  null,
  '*',
  'GET, POST, PUT, DELETE, PATCH',
  'put, patch, delete',
  'PUT,PATCH',
  'GET,,PUT',
  'PUT PATCH',
  'DELETE',
];
const headerLists = [
  null,
  '*',
  'content-type, x-api-key, authorization, x-trace',
  'Content-Type',
  'x-api-key,*',
  'X-Api-Key, X-Trace',
  'content-type x-api-key',
  'authorization',
];
/** Preflight answers when the preflight is not a passing one, and the actual responses' statuses (shared). */
export const preflightStatuses = [204, 204, 200, 200, 405, 500, 404, 301];
export const actualStatuses = [200, 200, 200, 201, 404, 500];
const exposeLists = [null, '*', 'X-Custom', 'x-custom, x-other', 'X-Nope'];

/** Small seeded PRNG (mulberry32): the same seed always gives the same matrix. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corsHeaders(
  pick: <T>(xs: readonly T[]) => T,
  credentials: boolean,
  extra: { methods?: boolean; headers?: boolean; expose?: boolean; maxAge?: boolean },
): HeaderList {
  const out: HeaderList = [];
  const acao = pick(originValues(credentials));
  if (Array.isArray(acao)) for (const v of acao) out.push(['Access-Control-Allow-Origin', v]);
  else if (acao !== null) out.push(['Access-Control-Allow-Origin', acao]);
  const acac = pick(credentialValues);
  if (acac !== null) out.push(['Access-Control-Allow-Credentials', acac]);
  if (extra.methods) {
    const v = pick(methodLists);
    if (v !== null) out.push(['Access-Control-Allow-Methods', v]);
  }
  if (extra.headers) {
    const v = pick(headerLists);
    if (v !== null) out.push(['Access-Control-Allow-Headers', v]);
  }
  if (extra.expose) {
    const v = pick(exposeLists);
    if (v !== null) out.push(['Access-Control-Expose-Headers', v]);
    out.push(['X-Custom', '1'], ['X-Other', '2'], ['Cache-Control', 'no-store']);
  }
  return out;
}

export function generateMatrix(count = 400, seed = 20261122): DiffCase[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const cases: DiffCase[] = [];
  for (let i = 0; i < count; i++) {
    const credentials = pick(['omit', 'same-origin', 'include', 'include'] as const);
    const withCredentials = credentials === 'include';
    // Redirects only for requests that need no preflight: the redirect target would need a second one, which
    // the engine's Exchange (one preflight) does not describe.
    const redirects = random() < 0.12;
    const method = redirects ? pick(['GET', 'POST'] as const) : pick(methods);
    const headers = redirects ? [] : pick(authorHeaderSets);
    // Bias towards passing preflights so that the actual response's checks are exercised too.
    const goodPreflight = random() < 0.45;
    const preflight: LabResponse = goodPreflight
      ? {
          status: pick([204, 200]),
          headers: [
            ['Access-Control-Allow-Origin', PAGE],
            ...(withCredentials ? ([['Access-Control-Allow-Credentials', 'true']] as HeaderList) : []),
            [
              'Access-Control-Allow-Methods',
              pick([method, 'GET, POST, PUT, DELETE, PATCH', '*', method.toUpperCase()]),
            ],
            [
              'Access-Control-Allow-Headers',
              pick([
                'content-type, x-api-key, authorization, x-trace, accept, accept-language, range',
                '*',
                '*, authorization',
              ]),
            ],
          ],
        }
      : {
          status: pick(preflightStatuses),
          headers: corsHeaders(pick, withCredentials, { methods: true, headers: true }),
        };
    if (preflight.status === 301) preflight.headers?.push(['Location', '/elsewhere']);
    const goodActual = random() < 0.4;
    const actualHeaders = goodActual
      ? ([
          ['Access-Control-Allow-Origin', PAGE],
          ...(withCredentials ? ([['Access-Control-Allow-Credentials', 'true']] as HeaderList) : []),
          ...corsHeaders(pick, withCredentials, { expose: true }).filter(
            ([n]) => !n.startsWith('Access-Control-Allow'),
          ),
        ] as HeaderList)
      : corsHeaders(pick, withCredentials, { expose: true });
    const response: LabResponse = {
      status: redirects ? pick([301, 302, 307, 308]) : pick(actualStatuses),
      headers: actualHeaders,
    };
    // A few requests in the other modes: same-origin mode fails on any cross-origin URL (DisallowedByMode);
    // no-cors (safelisted methods and headers only, else fetch() throws) is never a CORS failure.
    const simple = ['GET', 'POST'].includes(method) && headers.length === 0;
    const modeRoll = random();
    const mode = modeRoll < 0.04 ? 'same-origin' : modeRoll < 0.08 && simple ? 'no-cors' : 'cors';
    const c: DiffCase = { name: `case-${i}`, method, headers, credentials, mode, preflight, response };
    if (redirects) {
      c.redirect = {
        to: pick(['same-origin', 'other-origin', 'other-origin', 'with-credentials'] as const),
        response: {
          status: 200,
          headers: pick([
            [['Access-Control-Allow-Origin', PAGE]],
            [['Access-Control-Allow-Origin', 'null']],
            [['Access-Control-Allow-Origin', '*']],
            [],
            [
              ['Access-Control-Allow-Origin', 'null'],
              ['Access-Control-Allow-Credentials', 'true'],
            ],
          ] as HeaderList[]),
        },
      };
    }
    cases.push(c);
  }
  return cases;
}
