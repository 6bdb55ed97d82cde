/** Escapes regex metacharacters; the result means the same in JavaScript and Python `re`. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
