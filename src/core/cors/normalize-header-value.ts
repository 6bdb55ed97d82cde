// Fetch §2.2 "normalize": strip leading and trailing HTTP whitespace (HT, LF, CR, SP). Blink does this for
// headers set through Headers/XMLHttpRequest.setRequestHeader before they reach the network service.
export function normalizeHeaderValue(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isHttpWhitespace(value.charCodeAt(start))) start++;
  while (end > start && isHttpWhitespace(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

function isHttpWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
