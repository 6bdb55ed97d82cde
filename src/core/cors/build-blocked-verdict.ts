import { explainCorsError } from './explain-cors-error';
import type { FailureContext } from './failure-context';
import { firefoxReasonFor } from './firefox-reason-for';
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

/** A blocked verdict for a CORS failure, with its explanation, Firefox name, MDN page and server fix. */
export function buildBlockedVerdict(input: BlockedVerdictInput): Verdict {
  // Firefox 153 fails a redirect to a non-HTTP(S) URL with NS_ERROR_CORRUPTED_CONTENT and logs "CORS request did
  // not succeed" (measured with a redirect to data:); CORSRequestNotHttp is for a request that starts non-HTTP.
  const firefoxReason =
    input.error === 'CorsDisabledScheme' && input.stage.kind === 'redirect'
      ? 'CORSDidNotSucceed'
      : firefoxReasonFor(input.error);
  const verdict: Verdict = {
    allowed: false,
    preflightRequired: input.preflightRequired,
    preflightReasons: input.preflightReasons,
    corsError: input.error,
    failedParameter: input.failedParameter,
    exposedHeaders: [],
    stage: input.stage,
    explanation: explainCorsError(input),
    firefoxReason,
    mdn: mdnUrlFor(firefoxReason),
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
