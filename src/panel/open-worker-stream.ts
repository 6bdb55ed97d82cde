// Chromium: the panel's stream comes on a MessagePort handed to the extension's service worker, not on the runtime
// port, whose every message goes through the browser process (src/background/capture/panel-streams.ts). Firefox's
// background is an event page, not a worker: there the runtime port carries everything.
import { browser } from '../shared/browser';
import type { StreamOffer } from '../shared/panel-protocol';

export interface WorkerStream {
  token: string;
  port: MessagePort;
}

/** How long the panel waits for the worker's registration before it streams over the runtime port instead. */
const READY_MS = 1_000;

/**
 * A fresh channel whose far end is now on its way to the worker (undefined if the worker cannot be reached); at
 * once undefined where the background is no worker, so that the panel subscribes without waiting.
 */
export function openWorkerStream(): Promise<WorkerStream | undefined> | undefined {
  const background = browser.runtime?.getManifest?.().background as { service_worker?: unknown } | undefined;
  const container = globalThis.navigator?.serviceWorker;
  if (typeof background?.service_worker !== 'string' || container === undefined) return undefined;
  return handOver(container);
}

async function handOver(container: ServiceWorkerContainer): Promise<WorkerStream | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const registration = await Promise.race([
    container.ready,
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), READY_MS);
    }),
  ]).catch(() => undefined);
  clearTimeout(timer);
  const worker = registration?.active;
  if (!worker) return undefined;
  const channel = new MessageChannel();
  const offer: StreamOffer = { type: 'cors-lens/panel-stream', token: crypto.randomUUID() };
  worker.postMessage(offer, [channel.port2]);
  return { token: offer.token, port: channel.port1 };
}
