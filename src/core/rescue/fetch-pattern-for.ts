import type { RuleTarget } from '../rules';

/**
 * The DevTools protocol Fetch.RequestPattern urlPattern for every URL of a target: the target's prefix, then `*`.
 * In urlPattern `*` and `?` are wildcards and backslash escapes (Fetch.RequestPattern), so the prefix is escaped.
 */
export function fetchPatternFor(target: RuleTarget): string {
  return `${`${target.origin}${target.pathPrefix}`.replace(/[\\*?]/g, (c) => `\\${c}`)}*`;
}
