// base::ToLowerASCII: only A-Z change. String#toLowerCase would also fold non-ASCII letters, which Chromium
// does not (header bytes are Latin-1 there).
export function toLowerAscii(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return lowerFrom(value, i);
  }
  return value;
}

function lowerFrom(value: string, start: number): string {
  let out = value.slice(0, start);
  for (let i = start; i < value.length; i++) {
    const c = value.charCodeAt(i);
    out += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c | 0x20) : value[i];
  }
  return out;
}
