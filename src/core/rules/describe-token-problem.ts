import { isHttpTokenChar } from '../cors/is-http-token';

/**
 * Why a header name or method is not an RFC 9110 §5.6.2 token, naming the first bad character; undefined when it is
 * one. A non-token in an Access-Control-Allow-* list makes the browser reject the whole list.
 */
export function describeTokenProblem(value: string, kind: 'header name' | 'method'): string | undefined {
  for (const char of value) {
    if (char.length === 1 && isHttpTokenChar(char.charCodeAt(0))) continue;
    const shown = /\s/.test(char) ? 'a space' : `"${char}"`;
    return `"${value}" is not a valid ${kind}: it contains ${shown}. Use letters, digits and ! # $ % & ' * + - . ^ _ \` | ~ only.`;
  }
  return undefined;
}
