import { isForbiddenRequestHeader } from './is-forbidden-request-header';
import { normalizeHeaderValue } from './normalize-header-value';
import { toLowerAscii } from './to-lower-ascii';
import type { HeaderList } from './types';

/**
 * The author headers as the network service receives them: values normalised (Fetch §2.2 normalize),
 * forbidden headers dropped (Fetch §5.2 Headers guard "request" ignores them silently), and a name set twice
 * combined into one `a, b` value (Fetch §2.2 combine; Blink's ResourceRequest::AddHttpHeaderField does the same).
 * Names come back lower-case, in first-seen order.
 */
export function authorRequestHeaders(headers: HeaderList): HeaderList {
  const out: HeaderList = [];
  let index: Map<string, number> | undefined;
  for (let i = 0; i < headers.length; i++) {
    const entry = headers[i];
    if (entry === undefined) continue;
    const value = normalizeHeaderValue(entry[1]);
    if (isForbiddenRequestHeader(entry[0], value)) continue;
    const name = toLowerAscii(entry[0]);
    const at = index?.get(name);
    if (at === undefined) {
      index ??= new Map();
      index.set(name, out.length);
      out.push([name, value]);
    } else {
      const existing = out[at];
      if (existing !== undefined) existing[1] = `${existing[1]}, ${value}`;
    }
  }
  return out;
}
