// The lab URLs of a generated case: the first one carries the whole plan (preflight, response, redirect), a
// redirect's target has its own (id `<name>-target`). Each initiator gets a body it can use, so that a load fails
// only when CORS refused it: an SVG image, a module script, a stylesheet, a font.
import type { Lab } from '../../lab/server.mjs';
import { type LabResponse, SELF, specUrl } from '../../lab/spec.mjs';
import type { ExchangeCase, Initiator } from '../matrix-gen/exchange-matrix';
import { withPage } from '../matrix-gen/matrix';
import { testFontBase64 } from './test-font';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';

function bodyFor(
  initiator: Initiator | undefined,
): Pick<LabResponse, 'body' | 'bodyBase64'> & { type?: string } {
  switch (initiator) {
    case 'img':
      return { body: SVG, type: 'image/svg+xml' };
    case 'module-script':
      return { body: 'export {};', type: 'text/javascript' };
    case 'stylesheet':
      return { body: '.cors-lens-differential {}', type: 'text/css' };
    case 'font-face':
    case 'font-face-api':
      return { bodyBase64: testFontBase64(), type: 'font/otf' };
    default:
      return {};
  }
}

function withBody(response: LabResponse, initiator: Initiator | undefined, page: string): LabResponse {
  const { type, ...body } = bodyFor(initiator);
  const planned = withPage(response, page);
  return {
    ...planned,
    ...body,
    headers: [...(planned.headers ?? []), ...(type ? ([['Content-Type', type]] as [string, string][]) : [])],
  };
}

/** The API origins a case may use: another port of the page's host (same site), and 127.0.0.1 (cross site). */
export function apiOrigins(lab: Lab): { 'same-site': string; 'cross-site': string } {
  const [api1 = '', api2 = ''] = lab.apiOrigins;
  return { 'same-site': api1.replace('//127.0.0.1:', '//localhost:'), 'cross-site': api2 };
}

/** What the URLs are made from: a generated exchange, or the engine differential's fetch() case (no initiator). */
export type PlannedCase = Pick<ExchangeCase, 'name' | 'preflight' | 'response' | 'redirect'> & {
  initiator?: Initiator;
};

/** Where a case's first request goes (`first`), and where a redirect to another origin leads (`other`). */
export interface CaseOrigins {
  first: string;
  other: string;
}

/** A generated exchange's origins: its API first, the other API for a redirect that leaves it. */
export function originsOf(c: ExchangeCase, lab: Lab): CaseOrigins {
  const apis = apiOrigins(lab);
  return { first: apis[c.api], other: apis[c.api === 'same-site' ? 'cross-site' : 'same-site'] };
}

/** Each generated exchange with its URLs on the lab (first URL, redirect target). */
export function withUrls(cases: ExchangeCase[], lab: Lab): { c: ExchangeCase; urls: string[] }[] {
  return cases.map((c) => ({ c, urls: caseUrls(c, originsOf(c, lab), lab.pageOrigin) }));
}

/** [first URL, redirect target?]; the page origin fills the plan's PAGE placeholder. */
export function caseUrls(c: PlannedCase, { first, other }: CaseOrigins, page: string): string[] {
  const preflight = withPage(c.preflight, page);
  if (!c.redirect)
    return [specUrl(first, { id: c.name, preflight, response: withBody(c.response, c.initiator, page) })];
  if (c.redirect.to === 'itself') {
    const response = withPage(c.response, page);
    response.headers = [...(response.headers ?? []), ['Location', SELF]];
    return [specUrl(first, { id: c.name, preflight, response })];
  }
  const plain = specUrl(c.redirect.to === 'same-origin' ? first : other, {
    id: `${c.name}-target`,
    response: withBody(c.redirect.response, c.initiator, page),
  });
  const target = c.redirect.to === 'with-credentials' ? plain.replace('http://', 'http://user:pass@') : plain;
  const response = withPage(c.response, page);
  response.headers = [...(response.headers ?? []), ['Location', target]];
  return [specUrl(first, { id: c.name, preflight, response }), target];
}
