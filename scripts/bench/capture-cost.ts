// CPU cost of capturing one exchange in the background, measured in Node on the pure pipeline the service worker
// runs for every webRequest event: the assembler (pairing, redaction), the engine's verdict on every record version
// it emits, and the per-tab ring log. The mix is the bench page's: half simple GETs, half preflighted JSON PUTs, in
// Chromium's event order.

import { needsPreflight } from '../../src/core/cors';
import {
  createAssembler,
  type HeaderList,
  mirrorWrite,
  type NetEvent,
  TabLog,
  toLogged,
} from '../../src/core/exchange';
import { median } from './table';

const PAGE = 'http://localhost:5173';
const API = 'http://127.0.0.1:8080';
const TAB = 7;

const sentHeaders = (author: HeaderList): HeaderList => [
  ['Host', '127.0.0.1:8080'],
  ['Connection', 'keep-alive'],
  ...author,
  ['sec-ch-ua-platform', '"Linux"'],
  [
    'User-Agent',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  ],
  ['Accept', '*/*'],
  ['Origin', PAGE],
  ['Sec-Fetch-Site', 'cross-site'],
  ['Sec-Fetch-Mode', 'cors'],
  ['Sec-Fetch-Dest', 'empty'],
  ['Referer', `${PAGE}/`],
  ['Accept-Encoding', 'gzip, deflate, br, zstd'],
  ['Accept-Language', 'en-US,en;q=0.9'],
];
const responseHeaders: HeaderList = [
  ['Access-Control-Allow-Origin', PAGE],
  ['Content-Type', 'application/json'],
  ['Content-Length', '512'],
  ['Connection', 'keep-alive'],
  ['Keep-Alive', 'timeout=5'],
];
const preflightAnswer: HeaderList = [
  ['Access-Control-Allow-Origin', PAGE],
  ['Access-Control-Allow-Methods', 'PUT'],
  ['Access-Control-Allow-Headers', 'content-type'],
  ['Content-Length', '0'],
];

/** The webRequest events of `n` exchanges, as the background's adapter hands them to the assembler. */
function benchEvents(n: number): NetEvent[] {
  const events: NetEvent[] = [];
  let t = 1_000;
  for (let i = 0; i < n; i++) {
    const url = `${API}/api?s=bench-${i}`;
    const a = `a${i}`;
    const put = i % 2 === 1;
    const start = {
      kind: 'before-request' as const,
      requestId: a,
      tabId: TAB,
      url,
      method: put ? 'PUT' : 'GET',
      type: 'xmlhttprequest',
      initiator: PAGE,
      time: t++,
    };
    events.push(start);
    if (put) {
      const p = `p${i}`;
      const pStart = { ...start, requestId: p, method: 'OPTIONS', type: 'other', time: t++ };
      events.push(pStart);
      events.push({
        kind: 'send-headers',
        requestId: p,
        headers: sentHeaders([
          ['Access-Control-Request-Method', 'PUT'],
          ['Access-Control-Request-Headers', 'content-type'],
        ]),
        time: t++,
        start: pStart,
      });
      events.push({
        kind: 'headers-received',
        requestId: p,
        status: 204,
        headers: preflightAnswer,
        time: t++,
        start: pStart,
      });
      events.push({
        kind: 'completed',
        requestId: p,
        status: 204,
        fromCache: false,
        time: t++,
        start: pStart,
      });
    }
    const author: HeaderList = put ? [['Content-Type', 'application/json']] : [];
    events.push({ kind: 'send-headers', requestId: a, headers: sentHeaders(author), time: t++, start });
    events.push({
      kind: 'headers-received',
      requestId: a,
      status: 200,
      headers: responseHeaders,
      time: t++,
      start,
    });
    events.push({ kind: 'completed', requestId: a, status: 200, fromCache: false, time: t++, start });
  }
  return events;
}

/** One pass: every event through the assembler, every emitted record through the verdict and into the log. */
function capture(events: readonly NetEvent[]): number {
  const assembler = createAssembler({
    needsPreflight: (method, headers) => needsPreflight({ method, headers }).required,
    preflightAfterActual: true,
  });
  const log = new TabLog();
  let blocked = 0;
  for (const event of events) {
    for (const record of assembler.push(event)) {
      log.add(record);
      if (record.outcome !== 'pending' && !toLogged(record).verdict.allowed) blocked++;
      else if (record.outcome === 'pending') toLogged(record); // the background computes it for every version
    }
  }
  if (log.size === 0) throw new Error('capture bench produced no exchanges');
  return blocked;
}

/** Median microseconds of CPU per captured exchange. */
export function captureCostPerExchange(exchanges = 2_000, rounds = 9): { us: number; blocked: number } {
  const events = benchEvents(exchanges);
  let blocked = capture(events); // warm-up (JIT)
  const perExchange: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = process.hrtime.bigint();
    blocked = capture(events);
    perExchange.push(Number(process.hrtime.bigint() - started) / 1_000 / exchanges);
  }
  // Every bench request is allowed: a blocked verdict means the pipeline measured is not the one that works.
  if (blocked !== 0) throw new Error(`capture bench: ${blocked} exchanges judged blocked, expected none`);
  return { us: median(perExchange), blocked };
}

/**
 * What one storage.session write of the log mirror carries on a busy tab: a log full to its limits (the bench mix)
 * to which `changed` new exchanges came since the last write (old ones dropped to make room), against the whole log.
 */
export function mirrorWriteKiB(changed = 200): { delta: number; whole: number; rows: number } {
  const capacity = 5_000;
  const assembler = createAssembler({ preflightAfterActual: true });
  const log = new TabLog();
  const events = benchEvents(capacity + changed);
  const firstOfChanged = events.findIndex(
    (e) => e.requestId === `a${capacity}` && e.kind === 'before-request',
  );
  const feed = (slice: readonly NetEvent[]) => {
    for (const event of slice) for (const record of assembler.push(event)) log.add(record);
  };
  feed(events.slice(0, firstOfChanged));
  log.keepWithinBytes(); // as log-store.ts does before each write
  const whole = JSON.stringify(mirrorWrite(7, log.takeMirrorDelta()).set).length;
  feed(events.slice(firstOfChanged));
  log.keepWithinBytes();
  const delta = JSON.stringify(mirrorWrite(7, log.takeMirrorDelta())).length;
  return { delta: delta / 1024, whole: whole / 1024, rows: log.size };
}
