// Turns the webRequest event stream of all tabs into exchange records: each cross-origin request with its CORS
// preflight, redirects and response. Pure and synchronous: the background feeds it events and stores what it emits.
import { authorHeaders } from './author-headers';
import { choosePreflight } from './choose-preflight';
import type {
  BeforeRequestEvent,
  CompletedEvent,
  ErrorEvent,
  HeaderList,
  HeadersReceivedEvent,
  NetEvent,
  RedirectEvent,
  SendHeadersEvent,
} from './events';
import type { ExchangeDraft, PreflightDraft } from './exchange-draft';
import { headerValue } from './header-value';
import { isCrossOrigin } from './is-cross-origin';
import { isExtensionOrigin } from './is-extension-origin';
import { pairingKey } from './pairing-key';
import { type PreflightAsk, parsePreflightRequest } from './parse-preflight-request';
import { shouldObserve } from './should-observe';
import { toExchangeRecord } from './to-exchange-record';
import type { ExchangeRecord, PreflightCacheSource } from './types';

/** The `error` of a record flushed because its request never ended within the timeout. */
export const TIMEOUT_ERROR = 'cors-lens:timeout';

export interface AssemblerOptions {
  /** The CORS engine's verdict on whether a request needs a preflight; without it `preflightCached` is never set. */
  needsPreflight?: (method: string, authorHeaders: HeaderList) => boolean;
  /** State without news for this long is flushed (default 60 s). */
  timeoutMs?: number;
  /** How long an answered, unclaimed preflight waits after its last event before it is logged alone (default 2 s). */
  orphanGraceMs?: number;
  /** Chromium: a preflight always starts after its actual request, which sharpens pairing. Leave false for Firefox. */
  preflightAfterActual?: boolean;
  /**
   * Firefox: the actual request's onSendHeaders fires before its preflight starts, so a send says nothing about how
   * the preflight went; the pairing then waits for the response or the error. Chromium sends only after the preflight
   * passed (leave false).
   */
  sendPrecedesPreflight?: boolean;
  /** The browser's Accept-Language, to tell an author-set one from the default (author-headers.ts). */
  acceptLanguage?: string;
  /** The last seq already handed out (e.g. `TabLog.lastSeq` after a service-worker restart). */
  lastSeq?: number;
  /**
   * Builds a record for a request's first appearance only: later changes wait in the assembler until `takeChanges`,
   * so a request whose events arrive close together is built (copied, redacted) once instead of once per event.
   */
  deferChanges?: boolean;
  /**
   * With `deferChanges`: how long a change to a request still running waits in `takeChanges(now)` (default 500 ms).
   * Its row then travels when it ends, most often, instead of once per step (sent, preflight answered, headers).
   */
  runningChangeMs?: number;
}

export interface Assembler {
  /**
   * Feeds one event; returns the records it created or changed, each stamped with a new seq. With `deferChanges`,
   * only the records it created: the changed ones wait for `takeChanges`.
   */
  push(event: NetEvent): ExchangeRecord[];
  /** Flushes state that timed out by `now` (push does this too, from event times, at most once a second). */
  sweep(now: number): ExchangeRecord[];
  /**
   * `deferChanges`: the records changed since they were last built, each built once and stamped with a new seq.
   * With `now` (the events' clock), a request still running only once its change has waited `runningChangeMs`.
   */
  takeChanges(now?: number): ExchangeRecord[];
  /**
   * `deferChanges`: a record changed outside the assembler (the page's call joined it) goes out with the request's
   * next change instead of on its own. False when the assembler no longer follows that request.
   */
  touch(recordId: string, now: number): boolean;
  /** `deferChanges`: whether `takeChanges` has anything to give. */
  hasChanges(): boolean;
  /** How many requests and preflights are being tracked: zero when everything has ended. */
  pending(): number;
  /** Whether this assembler still follows the request a record stands for (by the record's id). */
  tracks(recordId: string): boolean;
  /** A fresh seq, for a record changed outside the assembler (it must read as newer than every earlier one). */
  nextSeq(): number;
  /** Drops all state of a tab (closed, or its log cleared). */
  forgetTab(tabId: number): void;
}

const sweepIntervalMs = 1_000;
// Passing preflights remembered per page origin and URL, to name the one a later cached request relied on.
const maxRememberedPreflights = 500;

interface HeldOptions {
  event: BeforeRequestEvent;
  startOrder: number;
}

export function createAssembler(options: AssemblerOptions = {}): Assembler {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const orphanGraceMs = options.orphanGraceMs ?? 2_000;
  const preflightAfterActual = options.preflightAfterActual ?? false;
  const sendPrecedesPreflight = options.sendPrecedesPreflight ?? false;
  let seq = options.lastSeq ?? 0;
  let order = 0;
  let lastSweep = Number.NEGATIVE_INFINITY;

  // Unended exchanges, by requestId.
  const exchanges = new Map<string, ExchangeDraft>();
  // OPTIONS requests whose headers will tell whether they are preflights, by requestId.
  const heldOptions = new Map<string, HeldOptions>();
  // Preflights not yet claimed by an actual request, or claimed but still expecting events, by requestId.
  const preflights = new Map<string, PreflightDraft>();
  // Unclaimed preflights by pairing key, oldest first.
  const pool = new Map<string, PreflightDraft[]>();
  // Requests recently ended or dropped, oldest first: a late event of theirs must not adopt them again.
  const finished = new Set<string>();
  // Cache probes that missed, waiting for the browser to send the same request to the network (cacheProbeKey).
  const cacheProbes = new Map<string, ExchangeDraft>();
  // The last 2xx preflight answer per page origin and URL (the browsers' preflight caches are keyed by URL).
  const answeredPreflights = new Map<string, PreflightCacheSource>();
  const rememberAnswered = (preflight: PreflightDraft) => {
    const response = preflight.response;
    if (response === undefined || response.status < 200 || response.status > 299) return;
    const key = `${preflight.initiator}\n${preflight.url}`;
    answeredPreflights.delete(key);
    answeredPreflights.set(key, {
      requestId: preflight.requestId,
      answeredAt: response.time,
      headers: response.headers,
    });
    if (answeredPreflights.size > maxRememberedPreflights)
      answeredPreflights.delete(answeredPreflights.keys().next().value as string);
  };
  // deferChanges: the drafts built at least once, and those changed since they last were, by record id (a page
  // report looks its request up by that id), with when they first changed.
  const built = new WeakSet<ExchangeDraft>();
  const changed = new Map<string, { draft: ExchangeDraft; since: number }>();
  const runningChangeMs = options.runningChangeMs ?? 500;
  const rememberFinished = (requestId: string) => {
    finished.add(requestId);
    if (finished.size > 2_000) finished.delete(finished.values().next().value as string);
  };

  /** When the current push or sweep happened, by the events' clock. */
  let clock = 0;

  function push(event: NetEvent): ExchangeRecord[] {
    clock = event.time;
    order++;
    const touched = new Set<ExchangeDraft>();
    if (event.kind !== 'before-request' && event.start !== undefined) adopt(event.start, touched);
    switch (event.kind) {
      case 'before-request':
        onBeforeRequest(event, touched);
        break;
      case 'send-headers':
        onSendHeaders(event, touched);
        break;
      case 'headers-received':
        onHeadersReceived(event, touched);
        break;
      case 'redirect':
        onRedirect(event, touched);
        break;
      case 'completed':
        onCompleted(event, touched);
        break;
      case 'error':
        onError(event, touched);
        break;
    }
    if (event.time - lastSweep >= sweepIntervalMs) sweepInto(event.time, touched);
    return stamp(touched);
  }

  function onBeforeRequest(event: BeforeRequestEvent, touched: Set<ExchangeDraft>): void {
    const existing = exchanges.get(event.requestId);
    if (existing !== undefined) {
      // Both browsers fire onBeforeRequest again, same requestId, for each redirect target.
      existing.url = event.url;
      existing.currentMethod = event.method;
      existing.startOrder = order;
      existing.lastTime = Math.max(existing.lastTime, event.time);
      return;
    }
    if (preflights.has(event.requestId) || heldOptions.has(event.requestId)) return;
    if (resumeAfterCacheProbe(event)) return;
    if (event.method.toUpperCase() === 'OPTIONS' && mayBePreflight(event)) {
      heldOptions.set(event.requestId, { event, startOrder: order });
      return;
    }
    if (!shouldObserve(event)) return;
    const draft = newExchange(event, order);
    exchanges.set(event.requestId, draft);
    touched.add(draft);
  }

  /**
   * A request whose start was missed (Resumable) becomes an exchange now. OPTIONS requests are left alone: without
   * their request headers nothing tells a preflight from a script's own OPTIONS.
   */
  function adopt(start: BeforeRequestEvent, touched: Set<ExchangeDraft>): void {
    const id = start.requestId;
    if (exchanges.has(id) || heldOptions.has(id) || preflights.has(id) || finished.has(id)) return;
    if (start.method.toUpperCase() === 'OPTIONS' || !shouldObserve(start)) return;
    const draft = newExchange(start, order);
    draft.resumed = true;
    exchanges.set(id, draft);
    touched.add(draft);
  }

  function onSendHeaders(event: SendHeadersEvent, touched: Set<ExchangeDraft>): void {
    const held = heldOptions.get(event.requestId);
    if (held !== undefined) {
      const ask = parsePreflightRequest(held.event.method, event.headers);
      if (ask !== undefined) {
        heldOptions.delete(event.requestId);
        addPreflight(held, ask, event);
        return;
      }
    }
    const draft = exchangeFor(event.requestId, touched);
    if (draft === undefined) return;
    draft.lastTime = Math.max(draft.lastTime, event.time);
    // Keep the first send: later ones (after redirects) carry the same author headers and an Origin of "null".
    if (draft.sent === undefined) draft.sent = event.headers;
    if (draft.awaitingPreflight && !sendPrecedesPreflight)
      decide(draft, 'sent', lowerCaseNames(event.headers));
    touched.add(draft);
  }

  function onHeadersReceived(event: HeadersReceivedEvent, touched: Set<ExchangeDraft>): void {
    const response = { status: event.status, headers: event.headers, time: event.time };
    const draft = exchangeFor(event.requestId, touched);
    if (draft !== undefined) {
      draft.lastTime = Math.max(draft.lastTime, event.time);
      if (draft.awaitingPreflight) decide(draft, 'sent', sentNames(draft));
      draft.response = {
        url: draft.url,
        ...response,
        ...(event.statusLine === undefined ? {} : { statusLine: event.statusLine }),
      };
      touched.add(draft);
      return;
    }
    const preflight = preflights.get(event.requestId);
    if (preflight === undefined) return;
    preflight.response = response;
    rememberAnswered(preflight);
    answer(preflight, event.time, touched);
  }

  function onRedirect(event: RedirectEvent, touched: Set<ExchangeDraft>): void {
    const { headers } = event;
    const draft = exchangeFor(event.requestId, touched);
    if (draft !== undefined) {
      draft.lastTime = Math.max(draft.lastTime, event.time);
      if (draft.awaitingPreflight) decide(draft, 'sent', sentNames(draft));
      draft.hops.push({
        url: draft.url,
        status: event.status,
        headers,
        location: event.redirectUrl,
        time: event.time,
      });
      draft.url = event.redirectUrl;
      draft.response = undefined;
      // The next hop may need a preflight of its own.
      draft.awaitingPreflight = true;
      touched.add(draft);
      return;
    }
    const preflight = preflights.get(event.requestId);
    if (preflight === undefined) return;
    // A redirected preflight fails (Fetch §4.8); its 3xx answer is what the verdict needs.
    preflight.response = { status: event.status, headers, time: event.time };
    answer(preflight, event.time, touched);
  }

  function onCompleted(event: CompletedEvent, touched: Set<ExchangeDraft>): void {
    const draft = exchangeFor(event.requestId, touched);
    if (draft !== undefined) {
      if (draft.awaitingPreflight) decide(draft, 'sent', sentNames(draft));
      // Adopted mid-flight after its headers went by: an empty list here would read as "no CORS headers".
      if (draft.response === undefined && draft.resumed === true) draft.incomplete = 'headers-unseen';
      draft.response ??= { url: draft.url, status: event.status, headers: [], time: event.time };
      draft.response.fromCache = event.fromCache;
      end(draft, 'completed', event.time, undefined, touched);
      return;
    }
    const preflight = preflights.get(event.requestId);
    if (preflight === undefined) return;
    preflight.response ??= { status: event.status, headers: [], time: event.time };
    finish(preflight, event.time, touched);
  }

  function onError(event: ErrorEvent, touched: Set<ExchangeDraft>): void {
    // An OPTIONS request failing before its headers were seen: a preflight that never reached the network, most
    // likely; its actual request fails too and is logged, so this one is dropped.
    if (heldOptions.delete(event.requestId)) return;
    const draft = exchanges.get(event.requestId);
    if (draft !== undefined) {
      if (isCacheProbeMiss(draft, event)) {
        awaitNetworkLoad(draft, event.time, touched);
        return;
      }
      if (draft.awaitingPreflight) decide(draft, 'failed', undefined);
      end(draft, 'failed', event.time, event.error, touched);
      return;
    }
    const preflight = preflights.get(event.requestId);
    if (preflight === undefined) return;
    preflight.error = event.error;
    finish(preflight, event.time, touched);
  }

  /**
   * Chromium loads a web font from its cache only, first (Blink's cache-aware font loading), and on a miss sends the
   * same request to the network under a new requestId: one request of the page's, two for webRequest. The miss is
   * no end: the row stays pending and the network load continues it (resumeAfterCacheProbe).
   */
  function awaitNetworkLoad(draft: ExchangeDraft, time: number, touched: Set<ExchangeDraft>): void {
    exchanges.delete(draft.requestId);
    rememberFinished(draft.requestId);
    draft.lastTime = Math.max(draft.lastTime, time);
    draft.cacheMissAt = time;
    const key = cacheProbeKey(draft.tabId, draft.type, draft.method, draft.url);
    const earlier = cacheProbes.get(key);
    // Two probes of one URL at once: the older one's load is not coming any more.
    if (earlier !== undefined) endCacheProbe(earlier, time, touched);
    cacheProbes.set(key, draft);
  }

  /** The network load after a cache probe's miss takes the probe's row over. */
  function resumeAfterCacheProbe(event: BeforeRequestEvent): boolean {
    const key = cacheProbeKey(event.tabId, event.type, event.method, event.url);
    const probe = cacheProbes.get(key);
    if (probe === undefined) return false;
    cacheProbes.delete(key);
    probe.requestId = event.requestId;
    delete probe.cacheMissAt;
    delete probe.sent;
    probe.awaitingPreflight = true;
    probe.startOrder = order;
    probe.lastTime = Math.max(probe.lastTime, event.time);
    exchanges.set(event.requestId, probe);
    return true;
  }

  /** No network load followed the miss: the probe ends as the browser reported it. */
  function endCacheProbe(probe: ExchangeDraft, time: number, touched: Set<ExchangeDraft>): void {
    cacheProbes.delete(cacheProbeKey(probe.tabId, probe.type, probe.method, probe.url));
    const missedAt = probe.cacheMissAt ?? time;
    delete probe.cacheMissAt;
    end(probe, 'failed', missedAt, CACHE_MISS, touched);
  }

  /** The exchange of a request, promoting a held OPTIONS request that turned out not to be a preflight. */
  function exchangeFor(requestId: string, touched: Set<ExchangeDraft>): ExchangeDraft | undefined {
    const held = heldOptions.get(requestId);
    if (held === undefined) return exchanges.get(requestId);
    heldOptions.delete(requestId);
    if (!shouldObserve(held.event)) return undefined;
    const draft = newExchange(held.event, held.startOrder);
    exchanges.set(requestId, draft);
    touched.add(draft);
    return draft;
  }

  function addPreflight(held: HeldOptions, ask: PreflightAsk, event: SendHeadersEvent): void {
    const { event: start } = held;
    // Firefox may omit originUrl; the preflight's own Origin header then names the page.
    const initiator = start.initiator ?? headerValue(event.headers, 'origin');
    if (initiator === undefined || isExtensionOrigin(initiator) || !isCrossOrigin(start.url, initiator))
      return;
    const preflight: PreflightDraft = {
      requestId: start.requestId,
      tabId: start.tabId,
      initiator,
      url: start.url,
      type: start.type,
      key: pairingKey(start.tabId, initiator, start.url, ask.method),
      ask,
      headers: event.headers,
      sentAt: event.time,
      startedAt: start.time,
      startOrder: held.startOrder,
      done: false,
      lastTime: Math.max(start.time, event.time),
    };
    preflights.set(preflight.requestId, preflight);
    const waiting = pool.get(preflight.key);
    if (waiting === undefined) pool.set(preflight.key, [preflight]);
    else waiting.push(preflight);
  }

  /** The actual request shows how its preflight went: attach the preflight that most probably was its own. */
  function decide(
    draft: ExchangeDraft,
    outcome: 'sent' | 'failed',
    sentHeaderNames: ReadonlySet<string> | undefined,
  ): void {
    draft.awaitingPreflight = false;
    const key = pairingKey(draft.tabId, draft.pageOrigin, draft.url, draft.currentMethod);
    const chosen = choosePreflight(pool.get(key) ?? [], {
      outcome,
      sentHeaderNames,
      startOrder: draft.startOrder,
      preflightAfterActual,
    });
    if (chosen !== undefined) {
      unpool(chosen);
      chosen.owner = draft;
      draft.preflight = chosen;
      if (chosen.done) preflights.delete(chosen.requestId);
      return;
    }
    if (
      outcome === 'sent' &&
      draft.resumed !== true &&
      draft.hops.length === 0 &&
      draft.sent !== undefined &&
      options.needsPreflight
    ) {
      const author = authorHeaders(draft.sent, { type: draft.type, acceptLanguage: options.acceptLanguage });
      if (options.needsPreflight(draft.method, author)) {
        draft.preflightCached = true;
        const source = answeredPreflights.get(`${draft.pageOrigin}\n${draft.url}`);
        if (source !== undefined) draft.preflightCacheSource = source;
      }
    }
  }

  function answer(preflight: PreflightDraft, time: number, touched: Set<ExchangeDraft>): void {
    preflight.lastTime = Math.max(preflight.lastTime, time);
    if (preflight.answerOrder === undefined) {
      preflight.answerOrder = order;
      preflight.answeredAt = time;
    }
    if (preflight.owner !== undefined) touched.add(preflight.owner);
  }

  function finish(preflight: PreflightDraft, time: number, touched: Set<ExchangeDraft>): void {
    answer(preflight, time, touched);
    preflight.done = true;
    if (preflight.owner !== undefined) preflights.delete(preflight.requestId);
  }

  function end(
    draft: ExchangeDraft,
    outcome: 'completed' | 'failed',
    time: number,
    error: string | undefined,
    touched: Set<ExchangeDraft>,
  ): void {
    draft.outcome = outcome;
    if (error !== undefined) draft.error = error;
    draft.endedAt = time;
    draft.lastTime = Math.max(draft.lastTime, time);
    // A still-running preflight keeps a reference through its owner field, so its late events still update this.
    exchanges.delete(draft.requestId);
    rememberFinished(draft.requestId);
    touched.add(draft);
  }

  function unpool(preflight: PreflightDraft): void {
    const waiting = pool.get(preflight.key);
    if (waiting === undefined) return;
    const rest = waiting.filter((candidate) => candidate !== preflight);
    if (rest.length === 0) pool.delete(preflight.key);
    else pool.set(preflight.key, rest);
  }

  function sweepInto(now: number, touched: Set<ExchangeDraft>): void {
    lastSweep = now;
    for (const probe of cacheProbes.values())
      if (now - probe.lastTime >= orphanGraceMs) endCacheProbe(probe, now, touched);
    for (const draft of exchanges.values()) {
      if (now - draft.lastTime < timeoutMs) continue;
      // With a response in hand the request may just be a long stream: the CORS verdict, made on the headers,
      // stands. Without one, the browser stopped telling: failed, and the row says it was CORS Lens that ended it.
      const answered = draft.response !== undefined;
      draft.incomplete = answered ? 'no-final-event' : 'no-response';
      end(draft, answered ? 'completed' : 'failed', now, answered ? undefined : TIMEOUT_ERROR, touched);
    }
    for (const [requestId, held] of heldOptions) {
      if (now - held.event.time >= timeoutMs) heldOptions.delete(requestId);
    }
    const waitingKeys = new Set<string>();
    for (const draft of exchanges.values()) {
      if (draft.awaitingPreflight) {
        waitingKeys.add(pairingKey(draft.tabId, draft.pageOrigin, draft.url, draft.currentMethod));
      }
    }
    for (const preflight of preflights.values()) {
      const expired = now - preflight.lastTime >= timeoutMs;
      if (preflight.owner !== undefined) {
        if (expired) preflights.delete(preflight.requestId);
        continue;
      }
      const orphaned =
        preflight.answeredAt !== undefined &&
        now - preflight.lastTime >= orphanGraceMs &&
        !waitingKeys.has(preflight.key);
      if (expired || orphaned) touched.add(logAlone(preflight, now));
    }
  }

  /** No actual request claimed this preflight (it failed and Firefox never showed the request): log it alone. */
  function logAlone(preflight: PreflightDraft, now: number): ExchangeDraft {
    unpool(preflight);
    preflights.delete(preflight.requestId);
    const draft: ExchangeDraft = {
      requestId: preflight.requestId,
      id: `${preflight.tabId}:${preflight.requestId}`,
      tabId: preflight.tabId,
      pageOrigin: preflight.initiator,
      type: preflight.type,
      method: preflight.ask.method,
      currentMethod: preflight.ask.method,
      firstUrl: preflight.url,
      url: preflight.url,
      startedAt: preflight.startedAt,
      startOrder: preflight.startOrder,
      lastTime: now,
      awaitingPreflight: false,
      preflight,
      hops: [],
      outcome: 'failed',
      endedAt: preflight.answeredAt ?? now,
    };
    preflight.owner = draft;
    const error = preflight.error ?? (preflight.answeredAt === undefined ? TIMEOUT_ERROR : undefined);
    if (error !== undefined) draft.error = error;
    return draft;
  }

  function stamp(touched: Set<ExchangeDraft>): ExchangeRecord[] {
    if (!options.deferChanges) return build(touched);
    const created: ExchangeDraft[] = [];
    for (const draft of touched) {
      if (!built.has(draft)) created.push(draft);
      else if (!changed.has(draft.id)) changed.set(draft.id, { draft, since: clock });
    }
    return build(created);
  }

  function build(drafts: Iterable<ExchangeDraft>): ExchangeRecord[] {
    const records: ExchangeRecord[] = [];
    for (const draft of drafts) {
      if (options.deferChanges) built.add(draft);
      records.push(toExchangeRecord(draft, ++seq, options.acceptLanguage));
    }
    return records;
  }

  return {
    push,
    sweep(now) {
      clock = now;
      const touched = new Set<ExchangeDraft>();
      sweepInto(now, touched);
      return stamp(touched);
    },
    takeChanges(now) {
      const due: ExchangeDraft[] = [];
      for (const [id, { draft, since }] of changed) {
        if (now !== undefined && draft.outcome === 'pending' && now - since < runningChangeMs) continue;
        due.push(draft);
        changed.delete(id);
      }
      return build(due);
    },
    touch(recordId, now) {
      if (changed.has(recordId)) return true;
      const draft = exchanges.get(recordId.slice(recordId.indexOf(':') + 1));
      if (!options.deferChanges || draft?.id !== recordId || !built.has(draft)) return false;
      changed.set(recordId, { draft, since: now });
      return true;
    },
    hasChanges: () => changed.size > 0,
    pending: () => exchanges.size + heldOptions.size + preflights.size + cacheProbes.size,
    nextSeq: () => ++seq,
    tracks(recordId) {
      const requestId = recordId.slice(recordId.indexOf(':') + 1);
      if (exchanges.has(requestId) || preflights.has(requestId) || heldOptions.has(requestId)) return true;
      // A row a cache probe started keeps the probe's id while the network load (another requestId) runs; an ended
      // row may wait in `changed` for its last build.
      if (changed.has(recordId)) return true;
      for (const draft of [...exchanges.values(), ...cacheProbes.values()])
        if (draft.id === recordId) return true;
      return false;
    },
    forgetTab(tabId) {
      for (const [id, { draft }] of changed) if (draft.tabId === tabId) changed.delete(id);
      for (const [requestId, draft] of exchanges) if (draft.tabId === tabId) exchanges.delete(requestId);
      for (const [key, probe] of cacheProbes) if (probe.tabId === tabId) cacheProbes.delete(key);
      for (const [requestId, held] of heldOptions)
        if (held.event.tabId === tabId) heldOptions.delete(requestId);
      for (const [requestId, preflight] of preflights) {
        if (preflight.tabId !== tabId) continue;
        unpool(preflight);
        preflights.delete(requestId);
      }
    },
  };
}

function newExchange(event: BeforeRequestEvent, startOrder: number): ExchangeDraft {
  return {
    requestId: event.requestId,
    id: `${event.tabId}:${event.requestId}`,
    tabId: event.tabId,
    // shouldObserve guarantees an initiator.
    pageOrigin: event.initiator ?? 'null',
    type: event.type,
    method: event.method,
    currentMethod: event.method,
    firstUrl: event.url,
    url: event.url,
    startedAt: event.time,
    startOrder,
    lastTime: event.time,
    awaitingPreflight: true,
    hops: [],
    outcome: 'pending',
  };
}

/** An OPTIONS request we must hold until its headers say whether it is a preflight. */
function mayBePreflight(event: BeforeRequestEvent): boolean {
  if (event.initiator === undefined) return event.type !== 'main_frame' && /^https?:/i.test(event.url);
  return shouldObserve(event);
}

/** The error of a load from the cache only that found nothing there. */
const CACHE_MISS = 'net::ERR_CACHE_MISS';

/** A request that failed this way never reached the network: nothing was answered, no preflight was made. */
function isCacheProbeMiss(draft: ExchangeDraft, event: ErrorEvent): boolean {
  return (
    event.error === CACHE_MISS &&
    draft.response === undefined &&
    draft.hops.length === 0 &&
    draft.preflight === undefined &&
    draft.resumed !== true
  );
}

function cacheProbeKey(tabId: number, type: string, method: string, url: string): string {
  return `${tabId}\n${type}\n${method}\n${url}`;
}

function lowerCaseNames(headers: HeaderList): Set<string> {
  return new Set(headers.map(([name]) => name.toLowerCase()));
}

function sentNames(draft: ExchangeDraft): Set<string> | undefined {
  return draft.sent === undefined ? undefined : lowerCaseNames(draft.sent);
}
