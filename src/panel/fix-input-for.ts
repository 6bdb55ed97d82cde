import { corsUnsafeRequestHeaderNames } from '../core/cors';
import type { FixInput } from '../core/fixes';
import type { LoggedExchange } from '../shared/panel-protocol';

/**
 * What the fix generator needs to know about a blocked exchange; undefined when there is nothing to fix.
 * Only maps fields: which headers are unsafe comes from the core. The response headers page script reads are
 * unknowable from the network, so none are asked to be exposed.
 */
export function fixInputFor(logged: LoggedExchange): FixInput | undefined {
  const { record, verdict } = logged;
  if (verdict.allowed || record.outcome === 'pending') return undefined;
  const stage = verdict.stage;
  const hop = stage?.kind === 'redirect' ? record.hops[stage.hop] : undefined;
  const targetUrl =
    hop?.url ??
    (stage?.kind === 'actual' ? (record.response?.url ?? record.request.url) : record.request.url);
  // A request stopped by its preflight was never sent: the preflight's reasons still name its headers.
  const fromReasons = verdict.preflightReasons.flatMap((reason) =>
    reason.kind === 'header' ? [reason.name] : [],
  );
  const requestHeaders = [
    ...new Set([...corsUnsafeRequestHeaderNames(record.request.authorHeaders), ...fromReasons]),
  ].sort();
  const input: FixInput = {
    pageOrigin: verdict.checkedOrigin ?? record.pageOrigin,
    targetUrl,
    methods: [record.request.method],
    requestHeaders,
    credentials: record.request.credentials === 'include',
    exposeHeaders: [],
    preflight: verdict.preflightRequired,
  };
  const preflightStatus = record.preflight?.response?.status;
  if (preflightStatus !== undefined && (preflightStatus < 200 || preflightStatus > 299)) {
    input.preflightStatus = preflightStatus;
  }
  if (hop !== undefined) input.redirect = { from: hop.url, to: hop.location };
  return input;
}
