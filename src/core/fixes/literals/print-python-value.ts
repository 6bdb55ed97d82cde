import type { PlainValue } from './plain-value';
import { quoteCString } from './quote-c-string';

/** Python source for a value: dicts one key a line, lists inline, True/False, undefined keys left out. */
export function printPythonValue(value: PlainValue, indent = ''): string {
  if (typeof value === 'string') return quoteCString(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === undefined) return 'None';
  if (isArray(value)) return `[${value.map((item) => printPythonValue(item, indent)).join(', ')}]`;
  const inner = `${indent}    `;
  const lines = Object.entries(value)
    .filter(([, item]) => item !== undefined)
    .map(([key, item]) => `${inner}${quoteCString(key)}: ${printPythonValue(item, inner)},`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

// Array.isArray does not narrow readonly arrays.
function isArray(value: PlainValue): value is readonly PlainValue[] {
  return Array.isArray(value);
}
