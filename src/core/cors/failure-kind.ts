import { isLocalNetworkCorsError } from './is-local-network-error';
import type { CorsError, Verdict } from './types';

/**
 * What kind of failure a blocked exchange is, before its CorsError name: many "CORS errors" are not a missing
 * header, and the name alone does not say so.
 */
export type FailureKindId =
  | 'cors-config'
  | 'server-error'
  | 'preflight-refused'
  | 'local-network'
  | 'redirect'
  | 'scheme'
  | 'not-sent';

export interface FailureKind {
  id: FailureKindId;
  /** The status the failure is about: the server's error status, or the refused preflight's. */
  status?: number;
}

export interface FailureObservation {
  /** The page's origin (the verdict's checkedOrigin is "null" once a redirect tainted it). */
  pageOrigin: string;
  outcome: 'pending' | 'completed' | 'failed';
}

const REDIRECT = new Set<CorsError>([
  'PreflightDisallowedRedirect',
  'RedirectContainsCredentials',
  'NoCorsRedirectModeNotFollow',
]);
// Refused by the page's own request (mode same-origin) or failed before CORS could judge anything.
const NOT_SENT = new Set<CorsError>(['DisallowedByMode', 'InvalidResponse']);
const MISSING_ORIGIN = new Set<CorsError>(['MissingAllowOriginHeader', 'PreflightMissingAllowOriginHeader']);

/** The kind of a finished exchange the browser refused or failed; undefined when the page could read it. */
export function failureKind(verdict: Verdict, observed: FailureObservation): FailureKind | undefined {
  if (observed.outcome === 'pending') return undefined;
  if (verdict.allowed) return observed.outcome === 'failed' ? { id: 'not-sent' } : undefined;
  const error = verdict.corsError;
  if (error === undefined || NOT_SENT.has(error)) return { id: 'not-sent' };
  if (isLocalNetworkCorsError(error)) return { id: 'local-network' };
  if (error === 'CorsDisabledScheme') return { id: 'scheme' };
  if (REDIRECT.has(error) || verdict.stage?.kind === 'redirect') return { id: 'redirect' };
  // Fetch §4.4 step 13: after a cross-origin redirect the origin is "null", so an ACAO naming the page fails.
  const tainted = verdict.checkedOrigin === 'null' && observed.pageOrigin !== 'null';
  if (tainted && !MISSING_ORIGIN.has(error)) return { id: 'redirect' };
  const status = verdict.status;
  if (verdict.stage?.kind === 'preflight' && status !== undefined && (status < 200 || status > 299))
    return { id: 'preflight-refused', status };
  if (
    verdict.stage?.kind === 'actual' &&
    error === 'MissingAllowOriginHeader' &&
    status !== undefined &&
    status >= 400
  )
    return { id: 'server-error', status };
  return { id: 'cors-config' };
}
