import type { OverrideRule } from '../rules';
import type { ExchangeRecord } from './types';

/**
 * The active override rule that applied to an exchange: the one for its page origin whose target prefix the
 * request's URL starts with (what the compiled DNR rule's urlFilter matches), first in storage order.
 */
export function overrideFor(
  record: ExchangeRecord,
  rules: readonly OverrideRule[],
): OverrideRule | undefined {
  const url = record.response?.url ?? record.request.url;
  return rules.find(
    (rule) =>
      rule.pageOrigin === record.pageOrigin &&
      url.startsWith(`${rule.target.origin}${rule.target.pathPrefix}`),
  );
}

/** "localhost:5173 → api.test", or with the target's path prefix when it has one. */
export function overrideLabel(rule: OverrideRule): string {
  const host = (origin: string) => new URL(origin).host;
  const path = rule.target.pathPrefix === '/' ? '' : rule.target.pathPrefix;
  return `${host(rule.pageOrigin)} → ${host(rule.target.origin)}${path}`;
}
