// Subscribes to the background's panel stream from inside an extension page, exactly as the panel does, and
// collects the entries: end-to-end tests read what a panel would show without scraping the UI.
import type { LoggedExchange } from '../../src/shared/panel-protocol';

export interface EvaluatingPage {
  evaluate(expression: string): Promise<unknown>;
}

/**
 * Connects like the panel (connect-panel-source.ts, open-worker-stream.ts): in Chromium the log comes on a
 * MessagePort handed to the service worker, in Firefox on the runtime port; on a disconnect (the service worker
 * stopped) it reconnects after 250 ms and subscribes again; snapshots and updates are merged by record id, as the
 * panel's log store does, so a test sees duplicates or gaps exactly when a panel would. `state.connects` counts the
 * connections made, `viaPort`/`viaStream` the log messages by channel. Rows come as summaries; `streamedEntries`
 * asks for their whole records as the panel's detail pane and exports do (`details`).
 */
export async function subscribeToTab(extensionPage: EvaluatingPage, tabId: number): Promise<void> {
  await extensionPage.evaluate(`(() => {
    const api = globalThis.browser ?? globalThis.chrome;
    window.__corsLens = { entries: new Map(), cleared: 0, snapshots: 0, connects: 0, disconnects: 0, viaPort: 0, viaStream: 0 };
    // As open-worker-stream.ts: where the background is a service worker, the log comes on a MessagePort.
    const toWorker = typeof api.runtime.getManifest().background?.service_worker === 'string';
    const asks = new Map();
    let nextAsk = 1;
    // As connect-panel-source.ts: ask on the runtime port, the answer comes where the log does.
    window.__corsLensWhole = (ids) => new Promise((resolve) => {
      const ask = nextAsk++;
      asks.set(ask, resolve);
      setTimeout(() => { if (asks.delete(ask)) resolve(undefined); }, 10000);
      try { window.__corsLensPort.postMessage({ type: 'details', tabId: ${tabId}, ask, ids }); }
      catch { asks.delete(ask); resolve(undefined); } // the worker stopped: the caller polls again
    });
    const onLog = (m, via) => {
      if (m.type === 'details') {
        const resolve = asks.get(m.ask);
        asks.delete(m.ask);
        resolve?.(m.entries);
        return;
      }
      const state = window.__corsLens;
      if (via === 'stream') state.viaStream++;
      else state.viaPort++;
      window.__corsLensTap?.(m);
      if (m.type === 'snapshot') state.snapshots++;
      if (m.type === 'cleared') { state.cleared++; state.entries = new Map(); }
      // As the panel's log store: a replayed older state of a record never replaces a newer one (seq).
      for (const e of m.entries ?? []) {
        const known = state.entries.get(e.record.id);
        if (!known || known.record.seq <= e.record.seq) state.entries.set(e.record.id, e);
      }
      state.status = m.status;
    };
    const open = async () => {
      const port = api.runtime.connect({ name: 'cors-lens/panel' });
      window.__corsLens.connects++;
      window.__corsLensPort = port;
      let stream;
      port.onMessage.addListener((m) => onLog(m, 'port'));
      port.onDisconnect.addListener(() => {
        window.__corsLens.disconnects++;
        stream?.close();
        if (!window.__corsLensClosed) setTimeout(open, 250);
      });
      let token;
      if (toWorker) {
        const worker = (await navigator.serviceWorker.ready).active;
        const channel = new MessageChannel();
        token = crypto.randomUUID();
        worker.postMessage({ type: 'cors-lens/panel-stream', token }, [channel.port2]);
        stream = channel.port1;
        // As connect-panel-source.ts (fromStreamData): the stream carries each message as its JSON text.
        stream.onmessage = (event) => onLog(JSON.parse(event.data), 'stream');
      }
      port.postMessage(token ? { type: 'subscribe', tabId: ${tabId}, stream: token } : { type: 'subscribe', tabId: ${tabId} });
    };
    void open();
  })()`);
  // Capture is running once the background answered with its snapshot: requests before that are not seen.
  for (let i = 0; i < 100; i++) {
    if ((await extensionPage.evaluate('window.__corsLens.snapshots')) !== 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the background sent no snapshot within 10 s of subscribing');
}

/** Closes the stream as a panel closing does: the port disconnects, and no reconnect follows. */
export async function unsubscribe(extensionPage: EvaluatingPage): Promise<void> {
  await extensionPage.evaluate('window.__corsLensClosed = true; window.__corsLensPort?.disconnect()');
}

/** Sends a panel message on the stream's port (clear, set-preserve-log), as the panel's toolbar does. */
export async function sendOnStream(extensionPage: EvaluatingPage, message: object): Promise<void> {
  await extensionPage.evaluate(`window.__corsLensPort.postMessage(${JSON.stringify(message)})`);
}

export interface StreamCounters {
  snapshots: number;
  connects: number;
  disconnects: number;
  /** Log messages that came on the runtime port, and on the worker's MessagePort (Chromium). */
  viaPort: number;
  viaStream: number;
}

/** Counters of the stream: snapshots received, connections made, disconnects seen, messages by channel. */
export async function streamCounters(extensionPage: EvaluatingPage): Promise<StreamCounters> {
  return (await extensionPage.evaluate(
    '(({ snapshots, connects, disconnects, viaPort, viaStream }) => ({ snapshots, connects, disconnects, viaPort, viaStream }))(window.__corsLens)',
  )) as StreamCounters;
}

/**
 * The entries as a panel would export them: each summary with the whole record the background holds (as
 * withDetail: the row's verdicts with the same state's record, a newer state whole); a row the background no
 * longer holds, or all of them if it does not answer, stays a summary (`headersOmitted`).
 */
export async function streamedEntries(extensionPage: EvaluatingPage): Promise<LoggedExchange[]> {
  // As JSON: WebDriver BiDi's serialisation drops an object met twice in one result (a shared \`stage\`).
  const json = await extensionPage.evaluate(`(async () => {
    const entries = [...(window.__corsLens?.entries.values() ?? [])];
    const ids = entries.filter((e) => e.headersOmitted).map((e) => e.record.id);
    const held = new Map(ids.length === 0 ? [] : ((await window.__corsLensWhole(ids)) ?? []).map((e) => [e.record.id, e]));
    return JSON.stringify(entries.map((e) => {
      const whole = held.get(e.record.id);
      if (!e.headersOmitted || !whole || whole.record.seq < e.record.seq) return e;
      if (whole.record.seq > e.record.seq) return whole;
      const { headersOmitted, ...rest } = e;
      return { ...rest, record: whole.record };
    }));
  })()`);
  return JSON.parse(json as string) as LoggedExchange[];
}

/** The entries exactly as streamed: summaries, without their header lists. */
export async function streamedSummaries(extensionPage: EvaluatingPage): Promise<LoggedExchange[]> {
  return (await extensionPage.evaluate(
    '[...(window.__corsLens?.entries.values() ?? [])]',
  )) as LoggedExchange[];
}

/** Polls until `done(entries)` holds; fails with what was seen. */
export async function waitForEntries(
  extensionPage: EvaluatingPage,
  done: (entries: LoggedExchange[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<LoggedExchange[]> {
  const deadline = Date.now() + timeoutMs;
  let entries: LoggedExchange[] = [];
  while (Date.now() < deadline) {
    entries = await streamedEntries(extensionPage);
    if (done(entries)) return entries;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `timed out waiting for ${what}; saw ${entries.length} entries:\n${entries.map((e) => `  ${e.record.request.method} ${e.record.request.url.slice(0, 90)} ${e.record.outcome} ${e.verdict.corsError ?? (e.verdict.allowed ? 'allowed' : 'blocked')}`).join('\n')}`,
  );
}

/** A waitForEntries condition: every request whose first URL is in `urls` has a row that ended. */
export function everyEnded(urls: readonly string[]): (entries: LoggedExchange[]) => boolean {
  return (entries) => {
    const ended = new Set(
      entries.filter((e) => e.record.outcome !== 'pending').map((e) => e.record.request.url),
    );
    return urls.every((url) => ended.has(url));
  };
}

/** The lab scenario an entry belongs to (the lab encodes the scenario id in the URL's spec). */
export function scenarioOf(entry: LoggedExchange): string | undefined {
  return scenarioOfUrl(entry.record.request.url);
}

/** The lab scenario id encoded in a lab URL's spec, if any. */
export function scenarioOfUrl(url: string): string | undefined {
  const s = new URL(url).searchParams.get('s');
  if (!s) return undefined;
  try {
    const padded = s.replaceAll('-', '+').replaceAll('_', '/');
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(padded + '='.repeat((4 - (padded.length % 4)) % 4)), (c) => c.charCodeAt(0)),
    );
    return (JSON.parse(json) as { id?: string }).id;
  } catch {
    return undefined;
  }
}
