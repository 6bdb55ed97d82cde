import { corsUnsafeRequestHeaderNames } from '../cors/cors-unsafe-request-header-names';
import { isCorsSafelistedResponseHeaderName } from '../cors/is-cors-safelisted-response-header-name';
import { isLocalNetworkCorsError } from '../cors/is-local-network-error';
import type { Verdict } from '../cors/types';
import type { CredentialsGuess, ExchangeRecord } from '../exchange/types';
import type { FixCredentials, FixInput } from './types';

const CREDENTIALS: Record<CredentialsGuess, FixCredentials> = {
  include: 'include',
  'omit-or-same-origin': 'omit',
  // Never sent (stopped by its preflight): the fix must work in both modes.
  unknown: 'unknown',
};

/**
 * What the fix generator needs to know about a blocked exchange; undefined when there is nothing to fix.
 * The response headers page script reads are not on the network: the hook in the page reports them, and they are
 * exposed (the user can add more: withExposeHeaders).
 */
export function fixInputForExchange(record: ExchangeRecord, observed: Verdict): FixInput | undefined {
  // Credentials unknown, and they decide: fix what fails with credentials, in a way that works in both modes.
  const uncertain = observed.allowed && observed.ifCredentialed !== undefined;
  const verdict = uncertain ? (observed.ifCredentialed as Verdict) : observed;
  // Allowed, but the script read headers CORS hides: the fix is to expose them.
  const hidden = verdict.allowed ? (verdict.hiddenReads ?? []) : [];
  if ((verdict.allowed && hidden.length === 0) || record.outcome === 'pending') return undefined;
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
    credentials: uncertain ? 'unknown' : CREDENTIALS[record.request.credentials],
    // What the page's script reads (the hook in the page saw it): exposed, so it reads what it expects.
    exposeHeaders: [...new Set([...hidden, ...readsToExpose(record)])].sort(),
    preflight: verdict.preflightRequired,
  };
  const preflightStatus = record.preflight?.response?.status;
  if (preflightStatus !== undefined && (preflightStatus < 200 || preflightStatus > 299)) {
    input.preflightStatus = preflightStatus;
  }
  if (hop !== undefined) input.redirect = { from: hop.url, to: hop.location };
  const status = record.response?.status;
  if (stage?.kind === 'actual' && status !== undefined && status >= 400) input.failedStatus = status;
  if (isLocalNetworkCorsError(verdict.corsError)) input.localNetwork = true;
  return input;
}

/** Headers the script read that only Access-Control-Expose-Headers makes readable (not the safelisted ones). */
function readsToExpose(record: ExchangeRecord): string[] {
  return (record.readHeaders ?? []).filter((h) => !isCorsSafelistedResponseHeaderName(h));
}
