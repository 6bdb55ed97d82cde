import { corsUnsafeRequestHeaders } from './cors-unsafe-request-headers';
import type { HeaderList } from './types';

// Fetch §2.2.2 CORS-unsafe request-header names: lower-case, sorted, unique — exactly what Chromium sends
// in Access-Control-Request-Headers (preflight_controller.cc CreateAccessControlRequestHeadersHeader).
export function corsUnsafeRequestHeaderNames(headers: HeaderList): string[] {
  return corsUnsafeRequestHeaders(headers).map((entry) => entry.name);
}
