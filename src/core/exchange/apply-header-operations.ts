import type { HeaderList } from './events';

export interface HeaderOperation {
  header: string;
  operation: 'set' | 'append' | 'remove';
  value?: string;
}

/**
 * Response headers after declarativeNetRequest's modifyHeaders operations: `set` replaces every header of the
 * name with one value, `append` adds one, `remove` drops them all (names compare case-insensitively).
 */
export function applyHeaderOperations(
  headers: HeaderList,
  operations: readonly HeaderOperation[],
): HeaderList {
  let out: HeaderList = headers.map(([name, value]) => [name, value]);
  for (const op of operations) {
    const name = op.header.toLowerCase();
    if (op.operation !== 'append') out = out.filter(([n]) => n.toLowerCase() !== name);
    if (op.operation !== 'remove') out.push([op.header, op.value ?? '']);
  }
  return out;
}
