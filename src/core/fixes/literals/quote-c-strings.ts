import { quoteCString } from './quote-c-string';

/** "a", "b" — an argument list or array body of double-quoted literals. */
export function quoteCStrings(values: readonly string[]): string {
  return values.map(quoteCString).join(', ');
}
