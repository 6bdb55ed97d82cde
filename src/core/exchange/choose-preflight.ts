// Nothing in webRequest links a preflight to its actual request, so the choice is made when the actual request
// shows which way its preflight went: it is sent (the preflight passed) or it fails unsent (the preflight failed).
// The browser sends or fails the actual request right after its own preflight's answer, so among preflights for
// the same tab, page origin, URL and method we prefer, in order:
//   1. one whose answer agrees with what the actual request did (2xx for sent, anything else for failed);
//   2. for a sent request, one whose requested header names are all among the headers sent, the most names first
//      (a preflight for {x-a, x-b} cannot be the one of a request that sent only x-a);
//   3. with Chromium's ordering, one that started after the actual request did (Chromium fires the actual
//      request's onBeforeRequest first, then its preflight's);
//   4. the one answered first, then the one started first: FIFO, which is exact for identical parallel requests.

export interface PreflightCandidate {
  /** Lower-case names from Access-Control-Request-Headers. */
  ask: { headerNames: readonly string[] };
  /** Arrival order of the preflight's onBeforeRequest. */
  startOrder: number;
  /** Arrival order of its answer (response or error), once there is one. */
  answerOrder?: number;
  response?: { status: number };
  error?: string;
}

export interface PreflightClaim {
  /** Whether the actual request was sent ('sent') or failed before sending ('failed'). */
  outcome: 'sent' | 'failed';
  /** Lower-case names of the headers the actual request sent; undefined when unknown. */
  sentHeaderNames?: ReadonlySet<string>;
  /** Arrival order of the actual request's onBeforeRequest. */
  startOrder: number;
  /** Trust Chromium's ordering: a preflight starts after its actual request. */
  preflightAfterActual: boolean;
}

/** The candidate that most probably is the preflight of the claiming request, or undefined when none fits. */
export function choosePreflight<T extends PreflightCandidate>(
  candidates: readonly T[],
  claim: PreflightClaim,
): T | undefined {
  const eligible = candidates.filter((candidate) => fitsSentHeaders(candidate, claim.sentHeaderNames));
  let best: T | undefined;
  let bestRank: number[] = [];
  for (const candidate of eligible) {
    const rank = rankOf(candidate, claim);
    if (best === undefined || lexicographicallyLess(rank, bestRank)) {
      best = candidate;
      bestRank = rank;
    }
  }
  return best;
}

function fitsSentHeaders(candidate: PreflightCandidate, sent: ReadonlySet<string> | undefined): boolean {
  return sent === undefined || candidate.ask.headerNames.every((name) => sent.has(name));
}

function rankOf(candidate: PreflightCandidate, claim: PreflightClaim): number[] {
  const answered = candidate.answerOrder !== undefined;
  const status = candidate.response?.status;
  // Fetch §4.8: a preflight passes only with an ok status (and then no error of its own).
  const passed = status !== undefined && status >= 200 && status < 300 && candidate.error === undefined;
  const agreement =
    claim.outcome === 'sent' ? (passed ? 0 : answered ? 2 : 1) : !answered ? 2 : passed ? 1 : 0;
  const specificity = claim.outcome === 'sent' ? -candidate.ask.headerNames.length : 0;
  const startedBefore = claim.preflightAfterActual && candidate.startOrder < claim.startOrder ? 1 : 0;
  return [
    agreement,
    specificity,
    startedBefore,
    candidate.answerOrder ?? Number.POSITIVE_INFINITY,
    candidate.startOrder,
  ];
}

function lexicographicallyLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}
