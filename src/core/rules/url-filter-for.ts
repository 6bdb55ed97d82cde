import type { RuleTarget } from './types';

/**
 * The DNR urlFilter for a target: `|` anchors it at the start of the URL and the rest is literal. The origin
 * keeps a non-default port (urlFilter sees the port, requestDomains would not), and the path prefix always
 * starts with '/', so `http://localhost:5173` cannot also match `http://localhost:51730`.
 * urlFilter has no escape for its operators (`*`, `^`, `|`) and accepts ASCII only: such a target yields
 * undefined (validateTarget refuses those, so this is a second lock, not a path users reach).
 */
export function urlFilterFor(target: RuleTarget): string | undefined {
  const literal = `${target.origin}${target.pathPrefix}`;
  if (!target.pathPrefix.startsWith('/') || /[*^|]|[^\x21-\x7e]/.test(literal)) return undefined;
  return `|${literal}`;
}
