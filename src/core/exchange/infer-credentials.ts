import type { HeaderList } from './events';
import type { CredentialsGuess } from './types';

/**
 * The credentials mode, guessed from what was sent. A Cookie header means credentials "include" (cross-origin
 * requests send cookies only then). Authorization does not: pages set it by hand on uncredentialed fetches, and
 * calling those "include" would make the engine reject an `Access-Control-Allow-Origin: *` the browser accepted.
 * Without headers (the request was never sent) nothing can be said.
 */
export function inferCredentials(sent: HeaderList | undefined): CredentialsGuess {
  if (sent === undefined) return 'unknown';
  return sent.some(([name]) => name.toLowerCase() === 'cookie') ? 'include' : 'omit-or-same-origin';
}
