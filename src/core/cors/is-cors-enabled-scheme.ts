// url::GetCorsEnabledSchemes(): http, https, data, plus Chrome's chrome-extension (added by the embedder).
// A CORS request (CORS flag set) to any other scheme fails with CorsDisabledScheme
// (cors_url_loader.cc StartRequest). Fetch §4.3 scheme fetch has no such step; this is Chromium's own.
const CORS_ENABLED = new Set(['http', 'https', 'data', 'chrome-extension']);

export function isCorsEnabledScheme(scheme: string): boolean {
  return CORS_ENABLED.has(scheme);
}
