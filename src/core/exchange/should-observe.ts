import type { BeforeRequestEvent } from './events';
import { isCrossOrigin } from './is-cross-origin';
import { isExtensionOrigin } from './is-extension-origin';

/**
 * Whether a request belongs in the log: a cross-origin http(s) subresource of a web page. Navigations are not
 * CORS requests; extension pages are not the page's traffic; same-origin requests never involve CORS.
 */
export function shouldObserve(event: BeforeRequestEvent): boolean {
  if (event.type === 'main_frame') return false;
  if (!/^https?:/i.test(event.url)) return false;
  const initiator = event.initiator;
  if (initiator === undefined || initiator === '') return false;
  if (isExtensionOrigin(initiator)) return false;
  return isCrossOrigin(event.url, initiator);
}
