import { parseAccessControlAllowList } from './parse-access-control-allow-list';

// Fetch §4.8 CORS-preflight fetch, step "headerNames": extract `Access-Control-Allow-Headers` as a list of
// tokens, lower-cased for case-insensitive matching (preflight_result.cc Parse). Null = invalid syntax
// (InvalidAllowHeadersPreflightResponse).
export function parseAllowHeaders(value: string | undefined): string[] | null {
  return parseAccessControlAllowList(value, true);
}
