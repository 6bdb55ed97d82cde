// The lab URLs of a generated case: the first request's URL (its spec carries the preflight and the first answer)
// and, for a redirect, the target's. The page origin fills the cases' PAGE placeholder.
import { specUrl } from '../../lab/spec.mjs';
import { type DiffCase, withPage } from './matrix';

/** [first URL, redirect target?] on `apiOrigins` (the first API answers; a redirect goes where the case says). */
export function caseUrls(c: DiffCase, apiOrigins: readonly string[], pageOrigin: string): string[] {
  const [api1 = '', api2 = ''] = apiOrigins;
  const first = { id: c.name, preflight: withPage(c.preflight, pageOrigin) };
  if (!c.redirect) return [specUrl(api1, { ...first, response: withPage(c.response, pageOrigin) })];
  const plain = specUrl(c.redirect.to === 'same-origin' ? api1 : api2, {
    id: `${c.name}-target`,
    response: withPage(c.redirect.response, pageOrigin),
  });
  const target = c.redirect.to === 'with-credentials' ? plain.replace('http://', 'http://user:pass@') : plain;
  const response = withPage(c.response, pageOrigin);
  response.headers = [...(response.headers ?? []), ['Location', target]];
  return [specUrl(api1, { ...first, response }), target];
}
