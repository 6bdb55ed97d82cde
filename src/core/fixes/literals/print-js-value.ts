import type { PlainValue } from './plain-value';
import { quoteJsString } from './quote-js-string';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** JavaScript source for a value: objects one key a line, arrays inline, undefined keys left out. */
export function printJsValue(value: PlainValue, indent = ''): string {
  if (typeof value === 'string') return quoteJsString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'undefined';
  if (isArray(value)) return `[${value.map((item) => printJsValue(item, indent)).join(', ')}]`;
  const inner = `${indent}  `;
  const lines = Object.entries(value)
    .filter(([, item]) => item !== undefined)
    .map(
      ([key, item]) =>
        `${inner}${IDENTIFIER.test(key) ? key : quoteJsString(key)}: ${printJsValue(item, inner)},`,
    );
  return `{\n${lines.join('\n')}\n${indent}}`;
}

// Array.isArray does not narrow readonly arrays.
function isArray(value: PlainValue): value is readonly PlainValue[] {
  return Array.isArray(value);
}
