// RFC 9110 §5.6.2: header names and methods are tokens. Checking this up front is what keeps a quote,
// a space or a newline out of every generated snippet.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isHttpToken(value: string): boolean {
  return TOKEN.test(value);
}
