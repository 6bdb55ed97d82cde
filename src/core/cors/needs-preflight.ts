import { corsUnsafeRequestHeaders } from './cors-unsafe-request-headers';
import { isCorsSafelistedMethod } from './is-cors-safelisted-method';
import type { HeaderList, PreflightNeed, PreflightReason } from './types';

/**
 * Fetch §4.1 main fetch, step "CORS-preflight flag": a preflight is needed when the request's use-CORS-preflight
 * flag is set, the method is not CORS-safelisted or some header is CORS-unsafe (Chromium: cors_url_loader.cc
 * NeedsPreflight). Whether it is actually sent also needs the CORS flag (a cross-origin URL); evaluate() combines
 * the two.
 * Unlike Chromium, which stops at the first reason, every reason is listed.
 */
export function needsPreflight(request: {
  method: string;
  headers: HeaderList;
  useCorsPreflight?: boolean;
}): PreflightNeed {
  const reasons: PreflightReason[] = [];
  if (request.useCorsPreflight === true) reasons.push({ kind: 'upload-listener' });
  if (!isCorsSafelistedMethod(request.method)) reasons.push({ kind: 'method', method: request.method });
  for (const unsafe of corsUnsafeRequestHeaders(request.headers)) {
    reasons.push({ kind: 'header', name: unsafe.name, reason: unsafe.reason });
  }
  return { required: reasons.length > 0, reasons };
}
