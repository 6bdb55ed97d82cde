import { siteRelation } from './site-relation';
import type { FixInput } from './types';

const SAME_SITE_NONE =
  'cookies the API sets must carry SameSite=None; Secure (Secure needs HTTPS) or the browser will not send them ' +
  'with this request, and a browser that blocks third-party cookies drops them anyway.';

/** What the credentials mode means for the fix: why no "*", why Allow-Credentials, and SameSite across sites. */
export function credentialsNotes(input: FixInput): string[] {
  if (input.credentials === 'omit') {
    return [
      'The request carries no credentials, so Access-Control-Allow-Origin: * would also work; the exact origin is narrower.',
    ];
  }
  const notes =
    input.credentials === 'include'
      ? [
          'With credentials the browser rejects "*" in Access-Control-Allow-Origin (and takes "*" literally in ' +
            'Allow-Headers, Allow-Methods and Expose-Headers): send the exact origin and Access-Control-Allow-Credentials: true.',
        ]
      : [
          'Whether the page sends credentials is unknown (the browser stopped the request before sending it, so ' +
            'no cookie could show). This fix sends the exact origin with Access-Control-Allow-Credentials: true, ' +
            'which passes with credentials: "include" and without; "*" would fail as soon as the page uses "include".',
        ];
  const relation = siteRelation(input.pageOrigin, input.targetUrl);
  if (relation === 'cross-site') {
    notes.push(`The page and the API are on different sites: ${SAME_SITE_NONE}`);
  } else if (relation === 'maybe') {
    notes.push(`If the page and the API are on different sites (registrable domains), ${SAME_SITE_NONE}`);
  }
  return notes;
}
