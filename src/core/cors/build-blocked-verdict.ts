import { explainCorsError } from './explain-cors-error';
import type { FailureContext } from './failure-context';
import { mdnPageFor } from './mdn-page-for';
import { mdnUrlFor } from './mdn-url-for';
import { serverFixFor } from './server-fix-for';
import type { PreflightReason, Verdict } from './types';

export interface BlockedVerdictInput extends FailureContext {
  preflightRequired: boolean;
  preflightReasons: PreflightReason[];
  /** The response header the failure is about, lower-case. */
  header?: string;
  chromiumReportsCorsError?: boolean;
}

/**
 * A blocked verdict for a CORS failure, with its explanation, MDN page and server fix. The Firefox reason is not
 * Chromium's error renamed: the caller adds the one Firefox's own checks give (withFirefoxReason).
 */
export function buildBlockedVerdict(input: BlockedVerdictInput): Verdict {
  const verdict: Verdict = {
    allowed: false,
    preflightRequired: input.preflightRequired,
    preflightReasons: input.preflightReasons,
    corsError: input.error,
    failedParameter: input.failedParameter,
    exposedHeaders: [],
    stage: input.stage,
    explanation: explainCorsError(input),
    mdn: mdnUrlFor(mdnPageFor(input.error)),
    checkedOrigin: input.checkedOrigin,
  };
  if (input.status !== undefined) verdict.status = input.status;
  const header = input.header ?? headerFor(input.error);
  if (header !== undefined) verdict.header = header;
  if (input.chromiumReportsCorsError === false) verdict.chromiumReportsCorsError = false;
  const fix = serverFixFor(input);
  if (fix !== undefined) verdict.fix = fix;
  return verdict;
}

function headerFor(error: string): string | undefined {
  if (error.endsWith('AllowCredentials')) return 'access-control-allow-credentials';
  if (error.includes('AllowOrigin') || error.endsWith('WildcardOriginNotAllowed')) {
    return 'access-control-allow-origin';
  }
  if (error === 'RedirectContainsCredentials') return 'location';
  return undefined;
}
