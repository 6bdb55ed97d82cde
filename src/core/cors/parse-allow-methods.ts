import { parseAccessControlAllowList } from './parse-access-control-allow-list';

// Fetch §4.8 CORS-preflight fetch, step "methods": extract `Access-Control-Allow-Methods` as a list of tokens.
// Case is kept: Chromium compares methods case-sensitively (preflight_result.cc Parse). Null = invalid syntax
// (InvalidAllowMethodsPreflightResponse).
export function parseAllowMethods(value: string | undefined): string[] | null {
  return parseAccessControlAllowList(value, false);
}
