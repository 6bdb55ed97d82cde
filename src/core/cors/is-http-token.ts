// RFC 9110 §5.6.2 token, as net::HttpUtil::IsToken checks it (non-empty, every byte a tchar).
// A lookup table instead of a regex: this runs for every ACAM/ACAH entry and every header name.
const TCHAR = new Uint8Array(128);
for (let c = 0x21; c < 0x7f; c++) TCHAR[c] = 1;
for (const c of '()<>@,;:\\"/[]?={}') TCHAR[c.charCodeAt(0)] = 0;

export function isHttpTokenChar(code: number): boolean {
  return code < 128 && TCHAR[code] === 1;
}

export function isHttpToken(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    if (!isHttpTokenChar(value.charCodeAt(i))) return false;
  }
  return true;
}
