/** Something a page asked for that needs host access first; the background does it once access is granted. */
export type AfterGrant =
  /** One-click allow (popup, panel "Allow temporarily"): the request of the `rules/allow` message. */
  | { type: 'rules/allow'; request: Record<string, unknown> }
  /** The popup's rule editor: the request of the `rules/save` message. */
  | { type: 'rules/save'; request: { draft: unknown } }
  /** The panel's "Start capturing": nothing to do beyond the grant (capture follows host access). */
  | { type: 'capture' }
  /** The popup's "Answer preflights" on one rule (Chromium; the debugger permission). */
  | { type: 'rules/set-answer-preflights'; request: { id: unknown; enabled: unknown } };

/** An access request waiting for the browser's prompt, kept by the background in storage.session. */
export interface PendingGrant {
  id: string;
  /** Host permission patterns, e.g. `http://localhost/*`. */
  origins: string[];
  /** API permissions asked in the same prompt (only `debugger`, for answering preflights). */
  permissions?: string[];
  action: AfterGrant;
  /** When it was asked (ms since epoch): a grant that never comes is forgotten after PENDING_GRANT_TTL_MS. */
  at: number;
  /** Set once done: what the action answered (rules/allow's Result, null for capture), or the refusal. */
  outcome?: { kind: 'done'; result: unknown } | { kind: 'declined' };
}

/** The prompt stays open while the user reads it; ten minutes is far beyond any real answer. */
export const PENDING_GRANT_TTL_MS = 10 * 60_000;
