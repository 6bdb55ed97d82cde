// Chromium's own CORS verdicts for lab requests, read from the DevTools protocol: the oracle the end-to-end tests
// compare CORS Lens against (Network.loadingFailed.corsErrorStatus), keyed by the lab spec's id.
import type { CDPSession } from 'playwright-core';
import { decodeSpec } from '../lab/spec.mjs';

/** Preflights are not always typed 'Preflight' in CDP; their Access-Control-Request-Method gives them away. */
export function isCdpPreflight(e: { type?: string; request: { headers: Record<string, string> } }): boolean {
  return (
    e.type === 'Preflight' ||
    Object.keys(e.request.headers).some((n) => n.toLowerCase() === 'access-control-request-method')
  );
}

/** Starts collecting on `cdp` (Network must be enabled): lab spec id → Chromium's CorsError name. */
export function collectCdpVerdicts(cdp: CDPSession): Map<string, string> {
  const verdicts = new Map<string, string>();
  onLabFailure(cdp, (id, failure) => {
    if (failure.corsError !== undefined) verdicts.set(id, failure.corsError);
  });
  return verdicts;
}

export interface CdpFailure {
  /** corsErrorStatus.corsError, when Chromium gave one. */
  corsError?: string;
  /** Network.loadingFailed errorText, e.g. net::ERR_FAILED. */
  errorText: string;
}

/** Like collectCdpVerdicts, keeping failures without a corsErrorStatus too (network errors, unsafe redirects). */
export function collectCdpFailures(cdp: CDPSession): Map<string, CdpFailure> {
  const failures = new Map<string, CdpFailure>();
  onLabFailure(cdp, (id, failure) => failures.set(id, failure));
  return failures;
}

function onLabFailure(cdp: CDPSession, record: (id: string, failure: CdpFailure) => void): void {
  const urls = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!isCdpPreflight(e) && !urls.has(e.requestId)) urls.set(e.requestId, e.request.url);
  });
  cdp.on('Network.loadingFailed', (e) => {
    const url = urls.get(e.requestId);
    const spec = url ? new URL(url).searchParams.get('s') : null;
    if (!spec) return;
    const corsError = e.corsErrorStatus?.corsError;
    record(decodeSpec(spec).id ?? '', {
      ...(corsError === undefined ? {} : { corsError }),
      errorText: e.errorText,
    });
  });
}
