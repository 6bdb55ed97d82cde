// The messages a DevTools panel sends the background over its port, and their parser: the port is a message
// boundary like runtime.sendMessage, so every field is checked where it arrives (capture-service.ts).
import { MAX_DETAIL_IDS } from './row-summary';

export type PanelRequest =
  /**
   * Answered with the whole log: the panel merges it with what it holds, the newer state (by seq) winning. `stream`
   * names the MessagePort the panel offered the service worker for this subscription (parseStreamOffer).
   */
  | { type: 'subscribe'; tabId: number; stream?: string }
  | { type: 'clear'; tabId: number }
  | { type: 'set-preserve-log'; tabId: number; preserve: boolean }
  /**
   * The whole records (header lists included) of rows the panel holds as summaries (summaryOf): answered with a
   * DetailsAnswer carrying the same `ask`, with the rows the tab's log still holds.
   */
  | { type: 'details'; tabId: number; ask: number; ids: string[] }
  | { type: 'heartbeat' };

/** The message, or undefined (with nothing read beyond its fields) when it is not one a panel sends. */
export function parsePanelRequest(value: unknown): PanelRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, tabId, preserve, stream, ask, ids } = value as Record<string, unknown>;
  if (type === 'heartbeat') return { type };
  if (!isCount(tabId)) return undefined;
  switch (type) {
    case 'subscribe':
      if (stream === undefined) return { type, tabId };
      return isStreamToken(stream) ? { type, tabId, stream } : undefined;
    case 'clear':
      return { type, tabId };
    case 'set-preserve-log':
      return typeof preserve === 'boolean' ? { type, tabId, preserve } : undefined;
    case 'details':
      return isCount(ask) && isRowIds(ids) ? { type, tabId, ask, ids } : undefined;
    default:
      return undefined;
  }
}

/** Record ids (`${tabId}:${requestId}`), at most a panel's whole log of them. */
function isRowIds(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= MAX_DETAIL_IDS &&
    value.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 200)
  );
}

/** A tab id or a seq: a whole number from 0. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * What a panel posts the service worker with one MessagePort (the stream of a subscription to come): `token` ties
 * the port to the `subscribe` that names it on the panel's runtime port.
 */
export interface StreamOffer {
  type: 'cors-lens/panel-stream';
  token: string;
}

/** The offer's token, or undefined when the message is not a stream offer. */
export function parseStreamOffer(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, token } = value as Record<string, unknown>;
  return type === 'cors-lens/panel-stream' && isStreamToken(token) ? token : undefined;
}

/** A panel's random token (crypto.randomUUID() in practice): short, and nothing but letters, digits and dashes. */
function isStreamToken(value: unknown): value is string {
  return typeof value === 'string' && /^[\w-]{8,64}$/.test(value);
}
