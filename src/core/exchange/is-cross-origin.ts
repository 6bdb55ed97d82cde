import { originOf } from './origin-of';

/**
 * Whether a request to `url` from a page of origin `initiator` is cross-origin. An opaque initiator ("null":
 * sandboxed frames, data: documents) is cross-origin to everything, as in the Fetch standard.
 */
export function isCrossOrigin(url: string, initiator: string): boolean {
  const target = originOf(url);
  if (target === undefined || target === 'null') return false;
  if (initiator === 'null') return true;
  // Normalise the initiator too: "http://a:80" and "http://a" are one origin.
  return (originOf(initiator) ?? initiator) !== target;
}
