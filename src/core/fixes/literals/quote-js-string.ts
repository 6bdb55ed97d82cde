/** A single-quoted JavaScript string literal; escapes everything that could end or corrupt it. */
export function quoteJsString(value: string): string {
  let out = "'";
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === "'" || char === '\\') out += `\\${char}`;
    // Control characters and the two JS line terminators outside ASCII (U+2028/U+2029) go as \u escapes.
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += unicodeEscape(code);
    else out += char;
  }
  return `${out}'`;
}

function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}
