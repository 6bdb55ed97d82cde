// Chromium: a panel's log travels on the MessagePort it handed the service worker, not on its runtime port. The offer
// (a worker message) and the subscribe (on the runtime port) may arrive in either order, or the offer not at all.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, expect, it, vi } from 'vitest';
import { STREAM_HANDOFF_MS } from '../../../src/background/capture/panel-streams';
import { type Background, freshBackgroundOnFakeClock } from './start-background';
import { API, completeRequest, fire, type Message, request, TAB } from './web-request-script';

vi.mock('../../../src/shared/browser', async () => (await import('./start-background')).mockBrowser());

let bg: Background;
freshBackgroundOnFakeClock((started) => {
  bg = started;
});

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) channel.port2.close();
});

/** The background's handler of worker messages, as the started background has it (a fresh module per test). */
async function offer(token: string, origin?: string): Promise<{ received: Message[]; port: MessagePort }> {
  const { onStreamOffer } = await import('../../../src/background/capture/panel-streams');
  const channel = new MessageChannel();
  channels.push(channel);
  const received: Message[] = [];
  // The stream carries each message as its JSON text (toStreamData): anything else fails the test here.
  channel.port2.on('message', (data: unknown) => {
    if (typeof data !== 'string') throw new Error(`the stream carried ${typeof data}, not JSON text`);
    received.push(JSON.parse(data) as Message);
  });
  onStreamOffer({
    data: { type: 'cors-lens/panel-stream', token },
    origin,
    ports: [channel.port1 as unknown as globalThis.MessagePort],
  });
  return { received, port: channel.port2 };
}

function panelPort() {
  const posted: Message[] = [];
  const port = {
    name: 'cors-lens/panel',
    postMessage: (m: Message) => posted.push(structuredClone(m)),
    onMessage: new (class {
      listeners: ((m: unknown) => void)[] = [];
      addListener(l: (m: unknown) => void) {
        this.listeners.push(l);
      }
      fire(m: unknown) {
        for (const l of this.listeners) l(m);
      }
    })(),
    onDisconnect: new (class {
      listeners: (() => void)[] = [];
      addListener(l: () => void) {
        this.listeners.push(l);
      }
      fire() {
        for (const l of this.listeners) l();
      }
    })(),
  };
  bg.fake.runtime.onConnect.fire(port);
  return { port, posted };
}

const TOKEN = 'f3b2a1c0-0000-4000-8000-000000000001';
const types = (ms: Message[]) => ms.map((m) => m.type);

async function oneRequest(): Promise<void> {
  fire(bg, 'onBeforeRequest', request('1', `${API}/one`));
  completeRequest(bg, '1', `${API}/one`);
  await bg.settle();
  await vi.advanceTimersByTimeAsync(100);
  await bg.settle();
}

it('offer first: the snapshot and every update come on the stream, none on the runtime port', async () => {
  const stream = await offer(TOKEN);
  const panel = panelPort();
  panel.port.onMessage.fire({ type: 'subscribe', tabId: TAB, stream: TOKEN });
  await bg.settle();
  await oneRequest();
  expect(types(stream.received)[0]).toBe('snapshot');
  expect(stream.received.flatMap((m) => m.entries ?? []).map((e) => e.record.request.url)).toContain(
    `${API}/one`,
  );
  expect(panel.posted).toEqual([]);
});

it('subscribe first: it waits for the offer, then streams on it', async () => {
  const panel = panelPort();
  panel.port.onMessage.fire({ type: 'subscribe', tabId: TAB, stream: TOKEN });
  await bg.settle();
  expect(panel.posted).toEqual([]);
  const stream = await offer(TOKEN);
  await bg.settle();
  await oneRequest();
  expect(types(stream.received)[0]).toBe('snapshot');
  expect(stream.received.length).toBeGreaterThan(1);
  expect(panel.posted).toEqual([]);
});

it('an offer that never comes: after the handoff time the log goes on the runtime port', async () => {
  const panel = panelPort();
  panel.port.onMessage.fire({ type: 'subscribe', tabId: TAB, stream: TOKEN });
  await vi.advanceTimersByTimeAsync(STREAM_HANDOFF_MS);
  await bg.settle();
  await oneRequest();
  expect(types(panel.posted)[0]).toBe('snapshot');
  expect(panel.posted.length).toBeGreaterThan(1);
});

it('an offer from another origin, or under another token, is not taken', async () => {
  const foreign = await offer(TOKEN, 'https://evil.test');
  const other = await offer('f3b2a1c0-0000-4000-8000-000000000002');
  const panel = panelPort();
  panel.port.onMessage.fire({ type: 'subscribe', tabId: TAB, stream: TOKEN });
  await vi.advanceTimersByTimeAsync(STREAM_HANDOFF_MS);
  await bg.settle();
  expect(foreign.received).toEqual([]);
  expect(other.received).toEqual([]);
  expect(types(panel.posted)).toEqual(['snapshot']);
});

it('a panel gone while its offer was awaited is never subscribed: nothing is captured for it', async () => {
  const panel = panelPort();
  panel.port.onMessage.fire({ type: 'subscribe', tabId: TAB, stream: TOKEN });
  await bg.settle();
  panel.port.onDisconnect.fire();
  const stream = await offer(TOKEN);
  await bg.settle();
  expect(bg.fake.webRequest.onBeforeRequest?.listeners).toHaveLength(0);
  await oneRequest();
  expect(stream.received).toEqual([]);
  expect(panel.posted).toEqual([]);
});
