import { hasControlCharacter } from './has-control-character';

/**
 * A double-quoted mod_headers value: \" and \\ escape the quote and backslash, and "%" is doubled because
 * mod_headers reads "%{…}e"-style format specifiers in values ("%%" is a literal percent sign).
 */
export function quoteApacheHeaderValue(value: string): string {
  if (hasControlCharacter(value)) {
    throw new RangeError(`Cannot write ${JSON.stringify(value)} in an Apache header value`);
  }
  return `"${value.replace(/["\\]/g, '\\$&').replaceAll('%', '%%')}"`;
}
