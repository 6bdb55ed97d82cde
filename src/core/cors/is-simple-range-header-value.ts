// Fetch §2.2.2 simple range header value (`bytes=` start `-` [end]), with Chromium's extra limits
// (cors.cc IsCorsSafelistedHeader → net::HttpUtil::ParseFetchSingleRange(value, allow_whitespace=false)):
// no whitespace, no suffix range (`bytes=-500`), start ≤ end, and values below int64 max.
const INT64_MAX = 9223372036854775807n;

export function isSimpleRangeHeaderValue(value: string): boolean {
  if (!value.startsWith('bytes=')) return false;
  const dash = value.indexOf('-', 6);
  if (dash === -1) return false;
  const start = value.slice(6, dash);
  const end = value.slice(dash + 1);
  if (!isDigits(start)) return false; // also rejects the suffix form, which Chromium does not safelist
  if (end !== '' && !isDigits(end)) return false;
  const first = BigInt(start);
  if (first >= INT64_MAX) return false;
  if (end === '') return true;
  const last = BigInt(end);
  return last < INT64_MAX && first <= last;
}

function isDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
