import { isSameOrigin, isSameOriginUrls } from './is-same-origin';

/**
 * Fetch §4.4 HTTP-redirect fetch, step 14 (Chromium: cors_url_loader.cc CheckTainted): the request's origin
 * becomes tainted — serialized as "null" in Origin and in every later CORS check — when a redirect leaves the
 * current URL's origin while that current URL was already cross-origin to the page.
 * page A → B → C taints (B→C from a cross-origin URL); A-page → A → B does not; A-page → B → B does not.
 */
export function redirectTaintsOrigin(origin: string, currentUrl: string, locationUrl: string): boolean {
  return !isSameOriginUrls(locationUrl, currentUrl) && !isSameOrigin(origin, currentUrl);
}
