import { quoteCString } from './quote-c-string';

/** r"..." when the pattern allows it (most readable); otherwise an ordinary escaped string. */
export function quotePythonRegex(pattern: string): string {
  const rawSafe =
    !/["\n\r]/.test(pattern) && !/(?:^|[^\\])(?:\\\\)*\\$/.test(pattern) && /^[\x20-\x7e]*$/.test(pattern);
  return rawSafe ? `r"${pattern}"` : quoteCString(pattern);
}
