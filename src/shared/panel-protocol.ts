// The live stream between the background and a DevTools panel, over a runtime port named PANEL_PORT.
// The panel subscribes for its inspected tab; the background answers with a snapshot, then incremental updates.
// Where the background is a service worker (Chromium), those travel on a MessagePort the panel hands the worker
// (a StreamOffer): a direct channel, where every runtime-port message goes through the browser process.
// Rows travel as summaries, without their header lists (summaryOf); the panel asks for the whole records it shows
// in detail or exports (`details`), and the answer comes on the same channel as the log. On the MessagePort a
// message travels as its JSON text (toStreamData).
import {
  isDetailsAnswer,
  isLogUpdate,
  type LoggedExchange,
  type PanelRequest,
  type StreamOffer,
} from '../core/exchange';

export type { LoggedExchange, StreamOffer };

export const PANEL_PORT = 'cors-lens/panel';

/** Parsed where it arrives by parsePanelRequest (core/exchange). */
export type PanelToBackground = PanelRequest;

export interface LogStatus {
  /** Host access is granted: capturing can see requests. */
  hostAccess: boolean;
  preserveLog: boolean;
  /** Exchanges that fell out of the ring buffer. */
  dropped: number;
}

/** What changes the panel's log. */
export type LogMessage =
  | { type: 'snapshot'; tabId: number; entries: LoggedExchange[]; status: LogStatus }
  /** New or changed entries (by record.id), in seq order. */
  | { type: 'update'; tabId: number; entries: LoggedExchange[]; status: LogStatus }
  | { type: 'cleared'; tabId: number; reason: 'navigation' | 'user'; status: LogStatus };

/** The whole entries of a `details` request with the same `ask`: those the tab's log still holds, in any order. */
export interface DetailsAnswer {
  type: 'details';
  tabId: number;
  ask: number;
  entries: LoggedExchange[];
}

export type BackgroundToPanel = LogMessage | DetailsAnswer;

/** Validates a message from the background at the receiving end (the panel), before it touches the log. */
export function isBackgroundToPanel(value: unknown): value is BackgroundToPanel {
  return isLogUpdate(value) || isDetailsAnswer(value);
}

/**
 * A message as it travels on the worker's MessagePort: its JSON text. Measured in Chromium 156 on the bench page,
 * both posted on the same port: a load's rows (about 600 KiB) cost the worker 37 ms as objects and 14 ms as text,
 * serializing included. The records hold only what JSON holds (the log mirror stores them as JSON too).
 */
export function toStreamData(message: BackgroundToPanel): string {
  return JSON.stringify(message);
}

/** What a MessagePort brought, parsed for isBackgroundToPanel; undefined for anything but JSON text. */
export function fromStreamData(data: unknown): unknown {
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}
