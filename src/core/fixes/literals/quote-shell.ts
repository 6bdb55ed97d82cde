/** POSIX shell single quoting: nothing is special inside '…' except ' itself, written as '\''. */
export function quoteShell(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}
