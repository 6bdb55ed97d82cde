/** C0 controls and DEL: config formats (nginx, Caddyfile, Apache) have no way to write them in a string. */
export function hasControlCharacter(value: string): boolean {
  return [...value].some((char) => char < ' ' || char === '\x7f');
}
