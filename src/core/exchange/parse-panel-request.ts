// The messages a DevTools panel sends the background over its port, and their parser: the port is a message
// boundary like runtime.sendMessage, so every field is checked where it arrives (capture-service.ts).

export type PanelRequest =
  /** Answered with the whole log: the panel merges it with what it holds, the newer state (by seq) winning. */
  | { type: 'subscribe'; tabId: number }
  | { type: 'clear'; tabId: number }
  | { type: 'set-preserve-log'; tabId: number; preserve: boolean }
  | { type: 'heartbeat' };

/** The message, or undefined (with nothing read beyond its fields) when it is not one a panel sends. */
export function parsePanelRequest(value: unknown): PanelRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, tabId, preserve } = value as Record<string, unknown>;
  if (type === 'heartbeat') return { type };
  if (!isCount(tabId)) return undefined;
  switch (type) {
    case 'subscribe':
    case 'clear':
      return { type, tabId };
    case 'set-preserve-log':
      return typeof preserve === 'boolean' ? { type, tabId, preserve } : undefined;
    default:
      return undefined;
  }
}

/** A tab id or a seq: a whole number from 0. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
