// Chromium's own account of each lab request, from the DevTools protocol: how many requests and preflights it
// made for a lab spec id, and how the request ended (Network.loadingFinished, or Network.loadingFailed with its
// corsErrorStatus). The differentials compare CORS Lens against this.
import type { CDPSession } from 'playwright-core';
import { decodeSpec } from '../lab/spec.mjs';
import { isCdpPreflight } from './cdp-verdicts';

export interface CdpOutcome {
  /** Requests Chromium started for this id (a redirect keeps its request: one). */
  requests: number;
  preflights: number;
  /** Set once the request ended: `finished`, or failed with Chromium's reason. */
  end?:
    | { kind: 'finished' }
    | { kind: 'failed'; errorText: string; corsError?: string; failedParameter?: string };
}

const idOf = (url: string): string | undefined => {
  const spec = new URL(url).searchParams.get('s');
  return spec === null ? undefined : decodeSpec(spec).id;
};

/** Starts collecting on `cdp` (Network must be enabled): lab spec id (of the first URL) → outcome. */
export function collectCdpOutcomes(cdp: CDPSession): Map<string, CdpOutcome> {
  const outcomes = new Map<string, CdpOutcome>();
  const ids = new Map<string, string>();
  const outcome = (id: string) => {
    const known = outcomes.get(id);
    if (known) return known;
    const fresh: CdpOutcome = { requests: 0, preflights: 0 };
    outcomes.set(id, fresh);
    return fresh;
  };
  cdp.on('Network.requestWillBeSent', (e) => {
    const id = idOf(e.request.url);
    if (id === undefined) return;
    if (isCdpPreflight(e)) {
      outcome(id).preflights++;
      return;
    }
    if (ids.has(e.requestId)) return; // the same request, redirected
    ids.set(e.requestId, id);
    outcome(id).requests++;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const id = ids.get(e.requestId);
    if (id !== undefined) outcome(id).end = { kind: 'finished' };
  });
  cdp.on('Network.loadingFailed', (e) => {
    const id = ids.get(e.requestId);
    if (id === undefined) return;
    const cors = e.corsErrorStatus;
    outcome(id).end = {
      kind: 'failed',
      errorText: e.errorText,
      ...(cors ? { corsError: cors.corsError, failedParameter: cors.failedParameter } : {}),
    };
  });
  return outcomes;
}
