/** Most headers are a few dozen bytes; a value past this is kept cut, so one response cannot fill the log. */
export const MAX_HEADER_VALUE = 8 * 1024;
/** CORS headers decide verdicts, so they keep far more (Chromium rejects whole header blocks past 256 KiB). */
export const MAX_CORS_HEADER_VALUE = 64 * 1024;

/** The value as logged: whole, or cut at its limit with a note of how much is missing. */
export function capHeaderValue(name: string, value: string): string {
  const lower = name.toLowerCase();
  const limit =
    lower.startsWith('access-control-') || lower === 'origin' ? MAX_CORS_HEADER_VALUE : MAX_HEADER_VALUE;
  if (value.length <= limit) return value;
  return `${value.slice(0, limit)}… [${value.length - limit} more characters not kept]`;
}
