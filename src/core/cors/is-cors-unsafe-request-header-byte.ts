// Fetch §2.2.2 CORS-unsafe request-header byte: 0x00-0x1F except HT, and "():<>?@[\]{} and DEL.
// Same set as Chromium's IsCorsUnsafeRequestHeaderByte (cors.cc).
const UNSAFE = new Uint8Array(128);
for (let c = 0; c < 0x20; c++) UNSAFE[c] = c === 0x09 ? 0 : 1;
for (const c of '"():<>?@[\\]{}') UNSAFE[c.charCodeAt(0)] = 1;
UNSAFE[0x7f] = 1;

export function isCorsUnsafeRequestHeaderByte(code: number): boolean {
  return code < 128 && UNSAFE[code] === 1;
}

export function hasCorsUnsafeRequestHeaderByte(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    if (isCorsUnsafeRequestHeaderByte(value.charCodeAt(i))) return true;
  }
  return false;
}
