import { corsResponseHeaders, type OverrideRule } from '../rules';
import { applyHeaderOperations } from './apply-header-operations';
import type { ExchangeRecord } from './types';

/**
 * The exchange as the page saw it under an override rule: its DNR rule rewrites the CORS headers of the
 * preflight's response, every redirect hop's and the final response's (statuses stay as the server sent them).
 */
export function withOverride(record: ExchangeRecord, rule: OverrideRule): ExchangeRecord {
  const operations = corsResponseHeaders(rule);
  const rewrite = <T extends { headers: ExchangeRecord['hops'][number]['headers'] }>(part: T): T => ({
    ...part,
    headers: applyHeaderOperations(part.headers, operations),
  });
  const effective: ExchangeRecord = { ...record, hops: record.hops.map(rewrite) };
  if (record.response !== undefined) effective.response = rewrite(record.response);
  if (record.preflight?.response !== undefined)
    effective.preflight = { ...record.preflight, response: rewrite(record.preflight.response) };
  return effective;
}
