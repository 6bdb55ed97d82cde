import type { LoggedExchange, LogMessage, PanelToBackground } from '../shared/panel-protocol';

/** How long the panel waits for the background's answer to a `details` request before offering to ask again. */
export const DETAILS_TIMEOUT_MS = 10_000;

/** Where the panel's log comes from: the background's port in the extension, a fake or demo source elsewhere. */
export interface PanelSource {
  /** Returns the unsubscribe function. */
  subscribe(listener: (msg: LogMessage) => void): () => void;
  send(msg: PanelToBackground): void;
  /**
   * The whole entries (header lists included) of rows the log holds as summaries (`headersOmitted`), for the ids
   * the tab's log still has; undefined when the background did not answer. A source whose rows are whole has none.
   */
  details?(ids: string[]): Promise<LoggedExchange[] | undefined>;
}
