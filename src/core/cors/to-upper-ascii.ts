// base::ToUpperASCII: only a-z change (see to-lower-ascii.ts for why not String#toUpperCase).
export function toUpperAscii(value: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) {
      out += String.fromCharCode(c & ~0x20);
      changed = true;
    } else {
      out += value[i];
    }
  }
  return changed ? out : value;
}
