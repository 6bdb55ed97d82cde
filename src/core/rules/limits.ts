import { formatCount } from './format-count';

/**
 * Bounds on what a message, a rule or an import may hold, each refused with a message that names it. Rules: twice
 * the browsers' 5,000 session rules, so a full set fits beside switched-off ones. Lists: no API needs more than a
 * hundred methods or header names, and each lands in one response header. Import files: an export of 10,000 rules
 * is about 5 MB. Errors: the first hundred say what is wrong; the rest are counted.
 */
export const LIMITS = {
  rules: 10_000,
  listItems: 100,
  nameLength: 256,
  importChars: 10_000_000,
  errors: 100,
} as const;

/** "at most 100 request header names (this one has 80,000)". */
export function overLimit(limit: number, what: string, actual: number): string {
  return `at most ${formatCount(limit)} ${what} (this one has ${formatCount(actual)})`;
}
