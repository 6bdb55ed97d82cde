// The MessagePorts panels hand the service worker (Chromium), each waiting for the `subscribe` that names its token.
// The offer (a service-worker message) and the subscribe (on the panel's runtime port) travel different ways, so
// either may arrive first. A port reaches the panel without passing through the browser process: measured in
// Chromium 156, 400 stream messages cost 80–100 ms of CPU over a runtime port and 10–30 ms over a MessagePort.
import { parseStreamOffer } from '../../core/exchange';

/** How long an offer waits for its subscribe, and a subscribe for its offer, before giving up on the stream. */
export const STREAM_HANDOFF_MS = 5_000;

const offered = new Map<string, MessagePort>();
const waiting = new Map<string, (port: MessagePort | undefined) => void>();

/**
 * A service-worker `message` event: keeps the port of a panel's stream offer. Only the extension's own pages can
 * post to its worker; the origin is checked all the same, and anything else is left alone.
 */
export function onStreamOffer(event: {
  data: unknown;
  origin?: string;
  ports: readonly MessagePort[];
}): void {
  const token = parseStreamOffer(event.data);
  const port = event.ports[0];
  if (token === undefined || port === undefined || event.ports.length !== 1) return;
  if (event.origin !== undefined && event.origin !== globalThis.location?.origin) return;
  const subscriber = waiting.get(token);
  if (subscriber) {
    waiting.delete(token);
    subscriber(port);
    return;
  }
  offered.set(token, port);
  setTimeout(() => {
    if (offered.get(token) !== port) return;
    offered.delete(token);
    port.close(); // its subscribe never came (the panel closed meanwhile)
  }, STREAM_HANDOFF_MS);
}

/** The port offered under `token`, once it is here; undefined if it does not come in time. */
export function takeStream(token: string): Promise<MessagePort | undefined> {
  const port = offered.get(token);
  if (port) {
    offered.delete(token);
    return Promise.resolve(port);
  }
  return new Promise((resolve) => {
    waiting.get(token)?.(undefined); // a token is used once: an earlier wait for it ends
    waiting.set(token, resolve);
    setTimeout(() => {
      if (waiting.get(token) !== resolve) return;
      waiting.delete(token);
      resolve(undefined);
    }, STREAM_HANDOFF_MS);
  });
}
