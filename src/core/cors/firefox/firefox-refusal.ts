import type { CorsFailure, FirefoxReason, FirefoxReasonLogged, HeaderList, Stage } from '../types';

/** One of Firefox's CORS checks failed: what Firefox logs, and the same check in Chromium's words. */
export interface FirefoxCheckFailure {
  reason: FirefoxReason;
  /** The value Firefox quotes in its console message (the %2$S of the reason's string), when it quotes one. */
  detail?: string;
  /** Chromium's CorsError for the same check, for the explanation and the fix. */
  chromium: CorsFailure;
  /** The response header the failure is about, lower-case. */
  header?: string;
  /** Another reason Firefox may have logged instead, when what was observed cannot tell the two apart. */
  alternative?: FirefoxReasonLogged;
}

/** Firefox refused the exchange: the failed check, on which response, and the URL its console message names. */
export interface FirefoxRefusal extends FirefoxCheckFailure {
  stage: Stage;
  /** The status of the response the check ran on (absent when there was none). */
  status?: number;
  /** The URL Firefox names: the request's URL, or after a redirect the URL that answered. */
  url: string;
  responseHeaders: HeaderList;
  /** The redirect target, when the failure is about one. */
  location?: string;
}
