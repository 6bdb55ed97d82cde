import type { CorsError, CredentialsMode, HeaderList, Stage } from './types';

/** Everything the explanation and the fix need to know about one failure. */
export interface FailureContext {
  error: CorsError;
  failedParameter: string;
  stage: Stage;
  /** The origin the CORS check compared against ("null" once tainted). */
  checkedOrigin: string;
  pageOrigin: string;
  tainted: boolean;
  credentials: CredentialsMode;
  /** The request method as sent (after normalisation and redirects). */
  method: string;
  /** Lower-case names of the request's CORS-unsafe headers, sorted. */
  unsafeHeaderNames: string[];
  /** Headers of the response being judged (preflight, redirect hop or final). */
  responseHeaders: HeaderList;
  status?: number;
  /** The URL the failing request went to. */
  url: string;
  /** Redirect target, when the failure is about one. */
  location?: string;
}
