// Chromium's last sanity check on an ACAO value (cors.cc CheckAccess: `GURL(value).is_valid()`), which picks
// InvalidAllowOriginValue over AllowOriginMismatch. WHATWG URL parsing is the closest pure-JS stand-in: both
// reject "example.com" (no scheme) and "http://" (no host), both accept "http://x" and "javascript:x".
// Edge cases where GURL and the URL standard disagree are listed in the report as unsure.
export function isValidAllowOriginUrl(value: string): boolean {
  return URL.canParse(value);
}
