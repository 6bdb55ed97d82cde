// net::HttpUtil::TrimLWS: Chromium trims only SP and HTAB around response header values and list entries.
export function trimHttpTabOrSpace(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isTabOrSpace(value.charCodeAt(start))) start++;
  while (end > start && isTabOrSpace(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

function isTabOrSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}
