// Generates the exchanges the browser differentials run through the built extension, in Chromium and in Firefox:
// what the page asks for (fetch, XMLHttpRequest with and without an upload listener, elements that load with CORS:
// <img crossorigin>, module scripts, <link rel=stylesheet crossorigin>, @font-face and FontFace) and what the lab
// answers (preflight, redirect, final response). Browser-neutral and deterministic (seeded), so a disagreement can
// be reproduced by its case name. The values lean on the checks where the browsers' order and words differ:
// repeated or lower-case Access-Control-Allow-Origin lines, invalid tokens in the allow lists, a preflight refused by
// its status or redirected, several unsafe headers at once, credentialed requests to a site that has a cookie.
import type { LabResponse } from '../../lab/spec.mjs';
import { actualStatuses, methodLists as engineMethodLists, PAGE, preflightStatuses, prng } from './matrix';

type HeaderList = [string, string][];

/** Who makes the request in the page: the page hook sees fetch() and XMLHttpRequest; the elements it does not. */
export type Initiator =
  | 'fetch'
  | 'xhr'
  | 'img'
  | 'module-script'
  | 'stylesheet'
  | 'font-face'
  | 'font-face-api';

export interface ExchangeCase {
  name: string;
  initiator: Initiator;
  method: string;
  headers: HeaderList;
  /** fetch()'s credentials; XHR `withCredentials` is include; an element's `crossorigin` maps as Fetch says. */
  credentials: 'omit' | 'same-origin' | 'include';
  mode: 'cors' | 'no-cors';
  /** XMLHttpRequest: an upload listener registered before send() (it forces a preflight). */
  uploadListener?: boolean;
  /** XMLHttpRequest: the body sent. */
  body?: string;
  /** `same-site`: another port of the page's host, where the page's session cookie goes; `cross-site`: 127.0.0.1. */
  api: 'same-site' | 'cross-site';
  preflight: LabResponse;
  response: LabResponse;
  /**
   * The first response redirects (its status is a 3xx) to this target. `itself`: to its own URL, again and again,
   * until the browser gives up (20 redirects); `response` is then not used.
   */
  redirect?: { to: 'same-origin' | 'other-origin' | 'with-credentials' | 'itself'; response: LabResponse };
}

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';

const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'patch', 'HEAD'] as const;
const authorHeaderSets: HeaderList[] = [
  [],
  [],
  [['Content-Type', 'text/plain']],
  [['Content-Type', 'application/json']],
  [['X-Api-Key', 'k']],
  [['Authorization', 'Bearer t']],
  [['Accept', 'text/"html"']],
  [['Accept-Language', 'en-US,en;q=0.9']],
  [['Content-Language', 'de']],
  [['Range', 'bytes=0-99']],
  [['Range', 'bytes=0-99,200-299']],
  [['Device-Memory', '8']],
  [['Accept-Language', 'x'.repeat(129)]],
  [
    ['X-Zeta', '1'],
    ['X-Alpha', '2'],
  ],
  [
    ['X-Trace', '1'],
    ['Content-Type', 'application/json'],
    ['Authorization', 'Bearer t'],
  ],
];
/** An ACAO answer: a value, several lines (`string[]`), or lines with a name spelled in lower case. */
type OriginAnswer = string | null | string[] | { lower: string[] };
const originAnswers = (credentials: boolean): OriginAnswer[] => [
  PAGE,
  PAGE,
  '*',
  null,
  'http://other.test',
  [PAGE, PAGE],
  { lower: [PAGE, PAGE] },
  { lower: [PAGE] },
  `${PAGE}, http://other.test`,
  'null',
  `${PAGE}/`,
  credentials ? PAGE : ' ',
];
const credentialValues = [null, 'true', 'true', 'TRUE', 'false'];
const methodLists = [...engineMethodLists, 'DELETE, P(UT'];
const headerLists = [
  null,
  '*',
  'content-type, x-api-key, authorization, x-trace, x-alpha, x-zeta',
  'Content-Type',
  'x-api-key,*',
  'X-Api-Key, X-Trace, X-Zeta',
  'content-type x-api-key',
  'authorization',
  'x-alpha, x/zeta',
];

function originLines(answer: OriginAnswer): HeaderList {
  if (answer === null) return [];
  if (typeof answer === 'string') return [[ACAO, answer]];
  if (Array.isArray(answer)) return answer.map((v) => [ACAO, v]);
  return answer.lower.map((v) => [ACAO.toLowerCase(), v]);
}

export function generateExchangeMatrix(seed = 20261203): ExchangeCase[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

  /** Access-Control-Allow-Origin/-Credentials: usually right, often wrong in one of the ways servers get it wrong. */
  const accessHeaders = (credentials: boolean, good: boolean): HeaderList => {
    if (good) return [[ACAO, PAGE], ...(credentials ? ([[ACAC, 'true']] as HeaderList) : [])];
    const out = originLines(pick(originAnswers(credentials)));
    const acac = pick(credentialValues);
    if (acac !== null) out.push([ACAC, acac]);
    return out;
  };

  const preflightFor = (method: string, credentials: boolean): LabResponse => {
    const good = random() < 0.45;
    const headers: HeaderList = accessHeaders(credentials, good || random() < 0.3);
    if (good) {
      headers.push(
        ['Access-Control-Allow-Methods', pick([method, 'GET, POST, PUT, DELETE, PATCH, HEAD', '*'])],
        [
          'Access-Control-Allow-Headers',
          pick([
            'content-type, x-api-key, authorization, x-trace, accept, accept-language, range, x-alpha, x-zeta',
            '*',
            '*, authorization',
          ]),
        ],
      );
    } else {
      const acam = pick(methodLists);
      if (acam !== null) headers.push(['Access-Control-Allow-Methods', acam]);
      const acah = pick(headerLists);
      if (acah !== null) headers.push(['Access-Control-Allow-Headers', acah]);
    }
    const status = good ? pick([204, 200]) : pick(preflightStatuses);
    if (status === 301) headers.push(['Location', '/elsewhere']);
    return { status, headers };
  };

  // An element fails to load an error response whatever CORS said, so elements get 200: then a failed load is CORS.
  const responseFor = (credentials: boolean, redirects: boolean, element = false): LabResponse => ({
    status: redirects ? pick([301, 302, 307, 308]) : element ? 200 : pick(actualStatuses),
    headers: [
      ...accessHeaders(credentials, random() < 0.45),
      ['Access-Control-Expose-Headers', 'X-Custom'],
      ['X-Custom', '1'],
      ['Cache-Control', 'no-store'],
    ],
  });

  const redirectFor = (): ExchangeCase['redirect'] => ({
    to: pick(['same-origin', 'other-origin', 'other-origin', 'with-credentials'] as const),
    response: {
      status: 200,
      headers: pick([
        [[ACAO, PAGE]],
        [[ACAO, PAGE]],
        [[ACAO, 'null']],
        [[ACAO, '*']],
        [],
        [
          [ACAO, 'null'],
          [ACAC, 'true'],
        ],
        [
          [ACAO, PAGE],
          [ACAC, 'true'],
        ],
      ] as HeaderList[]),
    },
  });

  const cases: ExchangeCase[] = [];
  const add = (initiator: Initiator, fields: Omit<ExchangeCase, 'name' | 'initiator' | 'api'>) => {
    const redirected = fields.redirect !== undefined;
    cases.push({
      name: `case-${cases.length}-${initiator}`,
      initiator,
      // Redirects start on the same-site API, so that "other-origin" leaves the page's site.
      api: redirected || random() < 0.7 ? 'same-site' : 'cross-site',
      ...fields,
    });
  };

  for (let i = 0; i < 300; i++) {
    const credentials = pick(['omit', 'same-origin', 'include', 'include'] as const);
    const include = credentials === 'include';
    // Redirects only for requests without a preflight: after a redirect Firefox preflights the target again, a
    // second OPTIONS exchange the engine's Exchange (one preflight) does not describe.
    const redirects = random() < 0.14;
    const method = redirects ? pick(['GET', 'POST'] as const) : pick(methods);
    const headers = redirects ? [] : pick(authorHeaderSets);
    const simple = ['GET', 'POST', 'HEAD'].includes(method) && headers.length === 0;
    const response = responseFor(include, redirects);
    // A few servers close the connection without answering: Firefox still logs "CORS request did not succeed".
    if (!redirects && random() < 0.03) response.drop = true;
    add('fetch', {
      method,
      headers,
      credentials,
      mode: simple && random() < 0.06 ? 'no-cors' : 'cors',
      preflight: preflightFor(method, include),
      response,
      ...(redirects ? { redirect: redirectFor() } : {}),
    });
  }

  // Two lines that Firefox's webRequest shows joined into one, where the spelling of the second line (which it does
  // not show) decides the reason: CORS Lens shows both reasons.
  for (const lines of [
    [
      [ACAO, PAGE],
      [ACAO.toUpperCase(), PAGE],
    ],
    [
      [ACAO, PAGE],
      [ACAO, 'http://other.test'],
    ],
  ] as HeaderList[])
    add('fetch', {
      method: 'GET',
      headers: [],
      credentials: 'same-origin',
      mode: 'cors',
      preflight: {},
      response: { status: 200, headers: lines },
    });

  for (let i = 0; i < 72; i++) {
    const include = random() < 0.5;
    const uploadListener = i % 3 !== 0;
    const method = pick(['GET', 'POST', 'POST', 'PUT'] as const);
    const headers = pick([[], [], [['Content-Type', 'text/plain']], [['X-Api-Key', 'k']]] as HeaderList[]);
    const body = method === 'GET' || random() < 0.3 ? undefined : 'payload';
    add('xhr', {
      method,
      headers,
      credentials: include ? 'include' : 'same-origin',
      mode: 'cors',
      uploadListener,
      ...(body === undefined ? {} : { body }),
      preflight: preflightFor(method, include),
      response: responseFor(include, false),
    });
  }

  const elements: [Initiator, number][] = [
    ['img', 32],
    ['module-script', 24],
    ['stylesheet', 24],
    ['font-face', 14],
    ['font-face-api', 14],
  ];
  for (const [initiator, count] of elements) {
    for (let i = 0; i < count; i++) {
      // Fonts are always fetched without credentials ("anonymous"); the others follow their crossorigin attribute.
      const include = !initiator.startsWith('font') && random() < 0.5;
      const redirects = random() < 0.15;
      add(initiator, {
        method: 'GET',
        headers: [],
        credentials: include ? 'include' : 'same-origin',
        mode: 'cors',
        preflight: {},
        response: responseFor(include, redirects, true),
        ...(redirects ? { redirect: redirectFor() } : {}),
      });
    }
  }

  // Every redirect status answering a simple GET or POST from fetch() and from XMLHttpRequest, to the same origin,
  // another one, or the same URL (a loop the browser ends after 20 redirects). Added last, so that the cases above
  // keep their names and plans.
  for (const initiator of ['fetch', 'xhr'] as const)
    for (const status of [301, 302, 303, 307, 308])
      for (const to of ['same-origin', 'other-origin', 'itself'] as const) {
        const include = random() < 0.5;
        const method = pick(['GET', 'POST', 'POST'] as const);
        add(initiator, {
          method,
          headers: [],
          credentials: include ? 'include' : 'same-origin',
          mode: 'cors',
          ...(initiator === 'xhr' && method === 'POST' ? { body: 'payload' } : {}),
          preflight: {},
          response: { status, headers: accessHeaders(include, random() < 0.7) },
          redirect: { ...(redirectFor() as NonNullable<ExchangeCase['redirect']>), to },
        });
      }
  return cases;
}
