/**
 * A double-quoted string literal valid in Python, C#, Java and Go alike: \" \\ \n \r \t and \uXXXX are the
 * escapes all four share. Anything outside printable ASCII is \u-escaped because C# treats U+0085/U+2028 as line
 * breaks. Inputs are validated ASCII tokens and origins, so astral characters (which Go and Python would need
 * spelled differently) never reach here; they are rejected rather than mis-encoded.
 */
export function quoteCString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code > 0xffff)
      throw new RangeError(`Cannot write ${JSON.stringify(char)} portably in a string literal`);
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code >= 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}
