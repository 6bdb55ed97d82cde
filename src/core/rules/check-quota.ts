import { formatCount } from './format-count';

/** Chromium 156 and Firefox 153 both allow 5000 session rules (and 5000 unsafe ones: modifyHeaders counts). */
export const DEFAULT_DNR_LIMITS = { session: 5000 } as const;

/**
 * A message when the compiled rules exceed the browser's session-rule limit, else undefined. Checked before
 * updateSessionRules so the user gets our words, and the caller applies nothing rather than a part.
 */
export function checkQuota(
  count: number,
  limits: { session: number } = DEFAULT_DNR_LIMITS,
): string | undefined {
  if (count <= limits.session) return undefined;
  return `Too many active overrides: ${formatCount(count)} DNR rules needed, the browser allows ${formatCount(limits.session)}. Remove some rules.`;
}
