import { toLowerAscii } from '../to-lower-ascii';
import type { HeaderList, PreflightReason } from '../types';
import { firefoxUnsafeRequestHeaders } from './firefox-unsafe-request-headers';

export interface FirefoxPreflightNeed {
  required: boolean;
  reasons: PreflightReason[];
  /** What Firefox sends in Access-Control-Request-Headers (lower-case, sorted). */
  unsafeHeaderNames: string[];
}

const SIMPLE_METHODS = new Set(['get', 'head', 'post']);

/**
 * nsCORSListenerProxy.cpp CheckPreflightNeeded: a cross-origin CORS request is preflighted when it is forced to be
 * (XMLHttpRequest with an upload listener: Firefox forces it with or without a body, measured on 153), when its
 * method is not GET, HEAD or POST (compared case-insensitively), or when it has a header Firefox does not safelist.
 */
export function firefoxNeedsPreflight(request: {
  method: string;
  headers: HeaderList;
  useCorsPreflight?: boolean;
}): FirefoxPreflightNeed {
  const reasons: PreflightReason[] = [];
  if (request.useCorsPreflight === true) reasons.push({ kind: 'upload-listener' });
  if (!SIMPLE_METHODS.has(toLowerAscii(request.method)))
    reasons.push({ kind: 'method', method: request.method });
  const unsafe = firefoxUnsafeRequestHeaders(request.headers);
  for (const { name, reason } of unsafe) reasons.push({ kind: 'header', name, reason });
  return { required: reasons.length > 0, reasons, unsafeHeaderNames: unsafe.map((h) => h.name) };
}
