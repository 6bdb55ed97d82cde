// The live stream between the background and a DevTools panel, over a runtime port named PANEL_PORT.
// The panel subscribes for its inspected tab; the background answers with a snapshot, then incremental updates.
import type { Verdict } from '../core/cors';
import { type ExchangeRecord, isLogUpdate, type PanelRequest } from '../core/exchange';

export const PANEL_PORT = 'cors-lens/panel';

/** One row of the panel: the record as captured and the engine's verdicts on it. */
export interface LoggedExchange {
  record: ExchangeRecord;
  /** The verdict on the headers the server sent. */
  verdict: Verdict;
  /** Present when an override rule changed the response: the verdict on the headers the page saw. */
  override?: {
    ruleId: string;
    label: string;
    verdict: Verdict;
    /**
     * Firefox shows the extension response headers after declarativeNetRequest rewrote them: the server's own CORS
     * headers were never seen, so `verdict` above is then the one on the rewritten headers too, not the server's.
     */
    serverHeadersUnseen?: true;
    /**
     * Chromium, a rule that answers preflights: the server refused the preflight and CORS Lens answered it
     * (wasRescued). `verdict` above is then the one on CORS Lens's answer; the record keeps the server's own.
     */
    preflightAnswered?: true;
  };
}

/** Parsed where it arrives by parsePanelRequest (core/exchange). */
export type PanelToBackground = PanelRequest;

export interface LogStatus {
  /** Host access is granted: capturing can see requests. */
  hostAccess: boolean;
  preserveLog: boolean;
  /** Exchanges that fell out of the ring buffer. */
  dropped: number;
}

export type BackgroundToPanel =
  | { type: 'snapshot'; tabId: number; entries: LoggedExchange[]; status: LogStatus }
  /** New or changed entries (by record.id), in seq order. */
  | { type: 'update'; tabId: number; entries: LoggedExchange[]; status: LogStatus }
  | { type: 'cleared'; tabId: number; reason: 'navigation' | 'user'; status: LogStatus };

/** Validates a message from the background at the receiving end (the panel), before it touches the log. */
export function isBackgroundToPanel(value: unknown): value is BackgroundToPanel {
  return isLogUpdate(value);
}
