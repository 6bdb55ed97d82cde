import { hasControlCharacter } from './has-control-character';

/**
 * A double-quoted Caddyfile token: \" and \\ are its escapes. Braces would start a placeholder ({http.…}) and
 * control characters cannot be written, so both are rejected; validated tokens and origins never contain them.
 */
export function quoteCaddyString(value: string): string {
  if (/[{}]/.test(value) || hasControlCharacter(value)) {
    throw new RangeError(`Cannot write ${JSON.stringify(value)} in a Caddyfile string`);
  }
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
