// The panel differential's cases: the engine differential's generated exchanges (matrix.ts), each made by one of
// the page's ways to send a CORS request. fetch() takes the matrix as it is; XMLHttpRequest takes what it can say
// (cors mode, withCredentials); the elements send what they always send (GET, no author headers, cors mode) with
// the credentials their crossorigin attribute asks for, and receive a body of their own type.
import type { LabResponse } from '../../lab/spec.mjs';
import { type DiffCase, generateMatrix } from './matrix';

export type Initiator =
  | 'fetch'
  | 'xhr'
  /** XMLHttpRequest with a listener on xhr.upload registered before send(): Fetch's use-CORS-preflight flag. */
  | 'xhr-upload'
  | 'img'
  | 'module-script'
  /** new FontFace(family, 'url(…)').load() */
  | 'font-face-api'
  /** an @font-face rule, loaded through document.fonts.load() */
  | 'font-face-css'
  /** <link rel=preload as=fetch crossorigin> */
  | 'link-preload'
  | 'link-stylesheet';

export interface PanelCase extends DiffCase {
  initiator: Initiator;
}

/** What an element loads, so that only CORS can make it fail (a font's bytes are not checked on the network). */
const bodies: Partial<Record<Initiator, { type: string; body: string }>> = {
  img: {
    type: 'image/svg+xml',
    body: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1"/></svg>',
  },
  'module-script': { type: 'text/javascript', body: 'export default 1;' },
  'font-face-api': { type: 'font/woff2', body: 'wOF2' },
  'font-face-css': { type: 'font/woff2', body: 'wOF2' },
  'link-preload': { type: 'application/json', body: '{}' },
  'link-stylesheet': { type: 'text/css', body: 'body { --lab: 1; }' },
};

/** Elements whose crossorigin attribute can ask for credentials (use-credentials); fonts always load anonymously. */
const canUseCredentials = new Set<Initiator>(['img', 'module-script', 'link-preload', 'link-stylesheet']);

function withBody(response: LabResponse, initiator: Initiator): LabResponse {
  const typed = bodies[initiator];
  if (typed === undefined) return response;
  return {
    ...response,
    headers: [...(response.headers ?? []), ['Content-Type', typed.type]],
    body: typed.body,
  };
}

function asElement(c: DiffCase, initiator: Initiator): PanelCase {
  const credentials =
    canUseCredentials.has(initiator) && c.credentials === 'include' ? 'include' : 'same-origin';
  return {
    ...c,
    name: `${initiator}-${c.name}`,
    initiator,
    method: 'GET',
    headers: [],
    credentials,
    mode: 'cors',
    response: withBody(c.response, initiator),
    ...(c.redirect
      ? { redirect: { ...c.redirect, response: withBody(c.redirect.response, initiator) } }
      : {}),
  };
}

function asXhr(c: DiffCase, initiator: 'xhr' | 'xhr-upload'): PanelCase {
  // XMLHttpRequest has two credentials modes: withCredentials (include) or not (same-origin).
  const credentials = c.credentials === 'include' ? 'include' : 'same-origin';
  return { ...c, name: `${initiator}-${c.name}`, initiator, credentials, mode: 'cors' };
}

/**
 * `fetchCount` fetch() exchanges (mode same-origin left out: Blink refuses those before the network, so no
 * extension sees them), `xhrCount` XMLHttpRequests (every other one with an upload listener) and `perElement`
 * exchanges for each element initiator.
 */
export function generatePanelMatrix({ fetchCount = 330, xhrCount = 120, perElement = 16 } = {}): PanelCase[] {
  const fetches = generateMatrix(fetchCount + 40, 20261122)
    .filter((c) => c.mode !== 'same-origin')
    .slice(0, fetchCount)
    .map((c): PanelCase => ({ ...c, name: `fetch-${c.name}`, initiator: 'fetch' }));
  const xhrs = generateMatrix(xhrCount, 20261123).map((c, i) => asXhr(c, i % 2 ? 'xhr-upload' : 'xhr'));
  const kinds: Initiator[] = [
    'img',
    'module-script',
    'font-face-api',
    'font-face-css',
    'link-preload',
    'link-stylesheet',
  ];
  const elements = generateMatrix(perElement * kinds.length, 20261124).map((c, i) =>
    asElement(c, kinds[i % kinds.length] as Initiator),
  );
  return [...fetches, ...xhrs, ...elements];
}
