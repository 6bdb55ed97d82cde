// Every message a context can send to the background, declared once. The background answers them with one
// handler map (src/background/handlers.ts) whose keys are these names.
export interface BackgroundStatus {
  name: string;
  version: string;
  /** When this service-worker instance started (ms since epoch): a restart shows as a new value. */
  startedAt: number;
}

export interface Messages {
  ping: { request: Record<string, never>; response: BackgroundStatus };
}

export type MessageName = keyof Messages;
export type Request<N extends MessageName> = { type: N } & Messages[N]['request'];
export type Response<N extends MessageName> = Messages[N]['response'];
export type AnyRequest = { [N in MessageName]: Request<N> }[MessageName];

const messageNames: readonly MessageName[] = ['ping'];

/** Validates an incoming message at the receiving end: anything else is ignored, never trusted. */
export function isRequest(value: unknown): value is AnyRequest {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && (messageNames as readonly string[]).includes(type);
}
