import type { RuleTarget } from './types';

/**
 * Whether one URL can fall under both targets: same origin and one path prefix starts with the other. Compared
 * case-insensitively because DNR urlFilters are (isUrlFilterCaseSensitive defaults to false).
 */
export function targetsOverlap(a: RuleTarget, b: RuleTarget): boolean {
  if (a.origin !== b.origin) return false;
  const pa = a.pathPrefix.toLowerCase();
  const pb = b.pathPrefix.toLowerCase();
  return pa.startsWith(pb) || pb.startsWith(pa);
}
