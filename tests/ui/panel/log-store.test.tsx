// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectPanelSource } from '../../../src/panel/connect-panel-source';
import { createLogStore } from '../../../src/panel/create-log-store';
import type { Runtime } from '../../../src/shared/browser';
import { type BackgroundToPanel, PANEL_PORT, toStreamData } from '../../../src/shared/panel-protocol';
import { allowedGet, blockedGet, STATUS, snapshot, update } from './fixtures';

vi.mock('../../../src/shared/browser', () => ({ browser: {} }));

afterEach(() => {
  vi.useRealTimers();
});

describe('createLogStore', () => {
  it('merges a snapshot after updates by record.id: no duplicates, no gaps', () => {
    const store = createLogStore(1);
    const [a, b, c] = [allowedGet(), blockedGet(), allowedGet()] as const;
    store.apply(snapshot([a]));
    store.apply(update([b]));
    // After a service-worker restart the snapshot repeats what the panel has, with b now changed.
    const bChanged = { ...b, record: { ...b.record, seq: b.record.seq + 10 } };
    store.apply(snapshot([a, bChanged, c]));
    expect(store.entries.value.map((e) => e.record.id)).toEqual([a.record.id, b.record.id, c.record.id]);
    expect(store.entries.value[1]).toBe(bChanged);
  });

  it('keeps the newer state of a record when a snapshot replays an older one (a worker stopped before mirroring)', () => {
    const store = createLogStore(1);
    const pending = allowedGet();
    pending.record.outcome = 'pending';
    const done = {
      ...pending,
      record: { ...pending.record, outcome: 'completed' as const, seq: pending.record.seq + 5 },
    };
    store.apply(update([done]));
    store.apply(snapshot([pending]));
    expect(store.entries.value).toEqual([done]);
  });

  it('keeps entries an after-seq snapshot leaves out, sorted by time', () => {
    const store = createLogStore(1);
    const [a, b] = [allowedGet(), allowedGet()] as const;
    store.apply(update([b]));
    store.apply(snapshot([a]));
    expect(store.entries.value.map((e) => e.record.id)).toEqual([a.record.id, b.record.id]);
  });

  it('empties on cleared, ignores other tabs, and keeps the status', () => {
    const store = createLogStore(1);
    store.apply(snapshot([allowedGet()]));
    store.apply({ type: 'update', tabId: 2, entries: [allowedGet()], status: STATUS });
    expect(store.entries.value).toHaveLength(1);
    store.apply({
      type: 'cleared',
      tabId: 1,
      reason: 'navigation',
      status: { ...STATUS, preserveLog: true },
    });
    expect(store.entries.value).toEqual([]);
    expect(store.status.value?.preserveLog).toBe(true);
  });
});

type Listener<T> = (arg: T) => void;

function fakePort() {
  const onMessage = new Set<Listener<unknown>>();
  const onDisconnect = new Set<Listener<void>>();
  const posted: unknown[] = [];
  const port = {
    name: PANEL_PORT,
    postMessage: (msg: unknown) => posted.push(msg),
    disconnect: () => {},
    onMessage: { addListener: (l: Listener<unknown>) => onMessage.add(l) },
    onDisconnect: { addListener: (l: Listener<void>) => onDisconnect.add(l) },
  };
  return {
    port: port as unknown as Runtime.Port,
    posted,
    receive: (msg: unknown) => {
      for (const l of onMessage) l(msg);
    },
    drop: () => {
      for (const l of onDisconnect) l();
    },
  };
}

/** A `connect` for connectPanelSource that hands out fake ports, each kept in `ports` in the order opened. */
function fakeConnections() {
  const ports: ReturnType<typeof fakePort>[] = [];
  const connect = ({ name }: { name: string }) => {
    expect(name).toBe(PANEL_PORT);
    const p = fakePort();
    ports.push(p);
    return p.port;
  };
  return { ports, connect };
}

describe('connectPanelSource', () => {
  it('subscribes, beats every 20 s, and subscribes again when the port drops', () => {
    vi.useFakeTimers();
    const { ports, connect } = fakeConnections();
    const store = createLogStore(1);
    const source = connectPanelSource(1, { connect });
    source.subscribe((msg) => store.apply(msg));
    expect(ports[0]?.posted).toEqual([{ type: 'subscribe', tabId: 1 }]);
    const first = allowedGet();
    ports[0]?.receive(snapshot([first]));
    vi.advanceTimersByTime(20_000);
    expect(ports[0]?.posted.at(-1)).toEqual({ type: 'heartbeat' });

    ports[0]?.drop(); // the service worker was killed
    vi.advanceTimersByTime(1_000);
    expect(ports).toHaveLength(2);
    expect(ports[1]?.posted).toEqual([{ type: 'subscribe', tabId: 1 }]);
    const second = blockedGet();
    ports[1]?.receive(snapshot([first, second]));
    expect(store.entries.value.map((e) => e.record.id)).toEqual([first.record.id, second.record.id]);
    source.close();
  });

  it('keeps a snapshot that arrives before the panel subscribes (reopened panel on a busy tab)', () => {
    const { ports, connect } = fakeConnections();
    const source = connectPanelSource(1, {
      connect,
    });
    const first = allowedGet();
    ports[0]?.receive(snapshot([first]));
    const store = createLogStore(1);
    source.subscribe((msg) => store.apply(msg));
    expect(store.entries.value.map((e) => e.record.id)).toEqual([first.record.id]);
    // Delivered once: a second listener does not get it replayed.
    const late = createLogStore(1);
    source.subscribe((msg) => late.apply(msg));
    expect(late.entries.value).toEqual([]);
    source.close();
  });

  it('ignores malformed messages, and keeps only the latest snapshot and what followed it', () => {
    const { ports, connect } = fakeConnections();
    const source = connectPanelSource(1, {
      connect,
    });
    const [old, first, next] = [allowedGet(), blockedGet(), allowedGet()] as const;
    ports[0]?.receive({ type: 'snapshot', tabId: 1 }); // no entries, no status
    ports[0]?.receive('garbage');
    ports[0]?.receive(snapshot([old]));
    ports[0]?.receive(snapshot([first]));
    ports[0]?.receive(update([next]));
    const seen: string[] = [];
    source.subscribe((msg) => seen.push(msg.type));
    expect(seen).toEqual(['snapshot', 'update']);
    source.close();
  });
});

describe('connectPanelSource details', () => {
  it('asks for whole rows on the port, resolves with the answer of the same ask, and never logs it', async () => {
    const { ports, connect } = fakeConnections();
    const source = connectPanelSource(1, { connect });
    const logged: string[] = [];
    source.subscribe((msg) => logged.push(msg.type));
    const whole = blockedGet();
    const first = source.details([whole.record.id]);
    const second = source.details(['1:other']);
    expect(ports[0]?.posted.slice(1)).toEqual([
      { type: 'details', tabId: 1, ask: 1, ids: [whole.record.id] },
      { type: 'details', tabId: 1, ask: 2, ids: ['1:other'] },
    ]);
    ports[0]?.receive({ type: 'details', tabId: 1, ask: 2, entries: [] });
    ports[0]?.receive({ type: 'details', tabId: 1, ask: 1, entries: [whole] });
    ports[0]?.receive({ type: 'details', tabId: 1, ask: 1, entries: [] }); // asked twice over a reconnect
    expect(await first).toEqual([whole]);
    expect(await second).toEqual([]);
    expect(logged).toEqual([]);
    source.close();
  });

  it('asks again on the new port after a reconnect, and resolves undefined when no answer comes', async () => {
    vi.useFakeTimers();
    const { ports, connect } = fakeConnections();
    const source = connectPanelSource(1, { connect, detailsTimeoutMs: 10_000 });
    const asked = source.details(['1:r1']);
    ports[0]?.drop();
    vi.advanceTimersByTime(1_000);
    expect(ports[1]?.posted).toEqual([
      { type: 'subscribe', tabId: 1 },
      { type: 'details', tabId: 1, ask: 1, ids: ['1:r1'] },
    ]);
    vi.advanceTimersByTime(10_000);
    expect(await asked).toBeUndefined();
    ports[1]?.receive({ type: 'details', tabId: 1, ask: 1, entries: [blockedGet()] }); // too late: ignored
    source.close();
  });
});

describe('connectPanelSource over a worker stream (Chromium)', () => {
  /** A stream offer as openWorkerStream makes one: the panel keeps port1, the worker gets port2. */
  const offers: { token: string; channel: MessageChannel }[] = [];
  const openStream = () => {
    const channel = new MessageChannel();
    const token = `token-${offers.length + 1}-abcdef`;
    offers.push({ token, channel });
    return Promise.resolve({ token, port: channel.port1 });
  };
  /** What the worker sends on the stream, as its JSON text (toStreamData), delivered (a task away). */
  const sendOnStream = async (n: number, message: BackgroundToPanel) =>
    sendRawOnStream(n, toStreamData(message));
  const sendRawOnStream = async (n: number, data: unknown) => {
    offers[n]?.channel.port2.postMessage(data);
    await new Promise((r) => setTimeout(r, 20));
  };

  afterEach(() => {
    for (const { channel } of offers.splice(0)) {
      channel.port1.close();
      channel.port2.close();
    }
  });

  it('names its stream in the subscribe, takes the log from it, and offers a new one after a reconnect', async () => {
    const { ports, connect } = fakeConnections();
    const store = createLogStore(1);
    const source = connectPanelSource(1, {
      connect,
      openStream,
      reconnectMs: 10,
    });
    source.subscribe((msg) => store.apply(msg));
    await Promise.resolve();
    expect(ports[0]?.posted).toEqual([{ type: 'subscribe', tabId: 1, stream: 'token-1-abcdef' }]);
    const [first, second] = [allowedGet(), blockedGet()] as const;
    await sendOnStream(0, snapshot([first]));
    expect(store.entries.value.map((e) => e.record.id)).toEqual([first.record.id]);

    ports[0]?.drop(); // the worker stopped: its end of the stream is gone with it
    await sendOnStream(0, update([second])); // never read: the old stream was closed with its port
    expect(store.entries.value).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(ports).toHaveLength(2);
    expect(ports[1]?.posted).toEqual([{ type: 'subscribe', tabId: 1, stream: 'token-2-abcdef' }]);
    await sendOnStream(1, snapshot([first, second]));
    expect(store.entries.value.map((e) => e.record.id)).toEqual([first.record.id, second.record.id]);
    source.close();
  });

  it('reads only JSON text of a valid message from the stream: objects, broken text and other shapes are ignored', async () => {
    const { connect } = fakeConnections();
    const store = createLogStore(1);
    const source = connectPanelSource(1, { connect, openStream });
    source.subscribe((msg) => store.apply(msg));
    await Promise.resolve();
    const [first, second] = [allowedGet(), blockedGet()] as const;
    await sendOnStream(0, snapshot([first]));
    await sendRawOnStream(0, update([second])); // an object, not text
    await sendRawOnStream(0, toStreamData(update([second])).slice(0, -1)); // cut short
    await sendRawOnStream(0, JSON.stringify({ type: 'update', tabId: 1, entries: 'none' }));
    expect(store.entries.value.map((e) => e.record.id)).toEqual([first.record.id]);
    await sendOnStream(0, update([second]));
    expect(store.entries.value.map((e) => e.record.id)).toEqual([first.record.id, second.record.id]);
    source.close();
  });

  it('subscribes without a stream when the worker cannot be reached, and reads the runtime port', async () => {
    const { ports, connect } = fakeConnections();
    const store = createLogStore(1);
    const source = connectPanelSource(1, {
      connect,
      openStream: () => Promise.resolve(undefined),
    });
    source.subscribe((msg) => store.apply(msg));
    await Promise.resolve();
    expect(ports[0]?.posted).toEqual([{ type: 'subscribe', tabId: 1 }]);
    const first = allowedGet();
    ports[0]?.receive(snapshot([first]));
    expect(store.entries.value.map((e) => e.record.id)).toEqual([first.record.id]);
    source.close();
  });

  it('drops a stream that arrives after its connection died, and subscribes once, on the next one', async () => {
    const { ports, connect } = fakeConnections();
    let release: (() => void) | undefined;
    const source = connectPanelSource(1, {
      connect,
      // The first offer waits until released; later ones are at once.
      openStream: () =>
        offers.length === 0
          ? new Promise((resolve) => {
              release = () => void openStream().then(resolve);
            })
          : openStream(),
      reconnectMs: 10,
    });
    ports[0]?.drop();
    release?.();
    await new Promise((r) => setTimeout(r, 40));
    expect(ports).toHaveLength(2);
    expect(ports[0]?.posted).toEqual([]);
    expect(ports[1]?.posted).toEqual([{ type: 'subscribe', tabId: 1, stream: 'token-2-abcdef' }]);
    source.close();
  });
});

describe('createLogStore bounds', () => {
  it('holds a bounded number of rows, dropping the oldest', () => {
    const store = createLogStore(1, 3);
    const entries = [allowedGet(), allowedGet(), allowedGet(), allowedGet(), allowedGet()];
    store.apply(snapshot(entries.slice(0, 2)));
    store.apply(update(entries.slice(2)));
    expect(store.entries.value.map((e) => e.record.id)).toEqual(entries.slice(2).map((e) => e.record.id));
    // A dropped row replayed by a later snapshot comes back only if it is newer than the rest.
    store.apply(update([entries[4] as (typeof entries)[number]]));
    expect(store.entries.value).toHaveLength(3);
  });
});
