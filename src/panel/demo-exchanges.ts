import { evaluate } from '../core/cors';
import { type ExchangeRecord, type HeaderList, toEngineExchange } from '../core/exchange';
import type { LoggedExchange } from '../shared/panel-protocol';

const PAGE = 'http://localhost:5173';
const API = 'http://127.0.0.1:8081';
const CDN = 'https://cdn.example.com';
const START = Date.UTC(2025, 0, 15, 9, 30, 0);

type Scenario = (id: string, seq: number, at: number) => { record: ExchangeRecord; override?: HeaderList };

const base = (id: string, seq: number, at: number, method: string, url: string, type = 'xmlhttprequest') =>
  ({
    id,
    seq,
    tabId: 1,
    pageOrigin: PAGE,
    type,
    request: {
      method,
      url,
      headers: [['Origin', PAGE]],
      authorHeaders: [],
      credentials: 'omit-or-same-origin',
    },
    hops: [],
    outcome: 'completed',
    startedAt: at,
    endedAt: at + 40,
  }) satisfies ExchangeRecord as ExchangeRecord;

// A realistic mix, in the proportions a broken dev setup shows: mostly fine, some blocked, a few overridden.
const SCENARIOS: Scenario[] = [
  (id, seq, at) => {
    const r = base(id, seq, at, 'GET', `${API}/api/items?page=${seq % 7}`);
    r.response = {
      url: r.request.url,
      status: 200,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Content-Type', 'application/json'],
      ],
      time: at + 40,
    };
    return { record: r };
  },
  (id, seq, at) => {
    const r = base(id, seq, at, 'GET', `${API}/api/profile`);
    r.response = {
      url: r.request.url,
      status: 200,
      headers: [['Content-Type', 'application/json']],
      time: at + 35,
    };
    r.outcome = 'failed';
    r.error = 'net::ERR_FAILED';
    return { record: r };
  },
  (id, seq, at) => {
    const r = base(id, seq, at, 'POST', `${API}/api/orders`);
    const author: HeaderList = [
      ['Content-Type', 'application/json'],
      ['X-Request-Id', `req-${seq}`],
    ];
    r.request.headers.push(...author);
    r.request.authorHeaders = author;
    r.preflight = {
      requestId: `${id}p`,
      request: {
        headers: [
          ['Origin', PAGE],
          ['Access-Control-Request-Method', 'POST'],
          ['Access-Control-Request-Headers', 'content-type,x-request-id'],
        ],
        time: at,
      },
      response: {
        status: 204,
        headers: [
          ['Access-Control-Allow-Origin', PAGE],
          ['Access-Control-Allow-Methods', 'POST'],
          ['Access-Control-Allow-Headers', 'content-type, x-request-id'],
        ],
        time: at + 12,
      },
    };
    r.response = {
      url: r.request.url,
      status: 201,
      headers: [
        ['Access-Control-Allow-Origin', PAGE],
        ['Content-Type', 'application/json'],
      ],
      time: at + 60,
    };
    return { record: r };
  },
  (id, seq, at) => {
    const r = base(id, seq, at, 'PUT', `${API}/api/items/${seq}`);
    // Stopped by its preflight: never sent, so its headers are known only from Access-Control-Request-Headers.
    r.request.headers = [];
    r.request.credentials = 'unknown';
    r.preflight = {
      requestId: `${id}p`,
      request: {
        headers: [
          ['Origin', PAGE],
          ['Access-Control-Request-Method', 'PUT'],
          ['Access-Control-Request-Headers', 'authorization,content-type'],
        ],
        time: at,
      },
      response: { status: 405, headers: [['Allow', 'GET, POST']], time: at + 9 },
    };
    r.outcome = 'failed';
    r.error = 'net::ERR_FAILED';
    return { record: r };
  },
  (id, seq, at) => {
    const r = base(id, seq, at, 'GET', `${API}/api/session`);
    r.request.credentials = 'include';
    r.request.headers.push(['Cookie', '<redacted>']);
    r.response = {
      url: r.request.url,
      status: 200,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Content-Type', 'application/json'],
      ],
      time: at + 30,
    };
    r.outcome = 'failed';
    r.error = 'net::ERR_FAILED';
    return {
      record: r,
      override: [
        ['Access-Control-Allow-Origin', PAGE],
        ['Access-Control-Allow-Credentials', 'true'],
        ['Content-Type', 'application/json'],
      ],
    };
  },
  // Two failures that only look like CORS: a server error without CORS headers, and Local Network Access.
  (id, seq, at) => {
    const r = base(id, seq, at, 'GET', `${API}/api/reports/${seq}`);
    r.response = {
      url: r.request.url,
      status: 500,
      statusLine: 'HTTP/1.1 500 Internal Server Error',
      headers: [['Content-Type', 'text/html']],
      time: at + 60,
    };
    r.outcome = 'failed';
    r.error = 'net::ERR_FAILED';
    return { record: r };
  },
  (id, seq, at) => {
    // A deployed (public) page calling a device on the local network.
    const r = base(id, seq, at, 'GET', 'http://192.168.1.20/status');
    r.pageOrigin = 'https://dashboard.example.com';
    r.request.headers = [['Origin', r.pageOrigin]];
    r.outcome = 'failed';
    r.error = 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS';
    return { record: r };
  },
  (id, seq, at) => {
    const r = base(id, seq, at, 'GET', `${CDN}/fonts/inter.woff2`, 'font');
    r.response = {
      url: r.request.url,
      status: 200,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Content-Type', 'font/woff2'],
      ],
      time: at + 20,
      fromCache: true,
    };
    return { record: r };
  },
  (id, seq, at) => {
    const r = base(id, seq, at, 'DELETE', `${API}/api/items/${seq}`);
    r.preflightCached = true;
    r.response = {
      url: r.request.url,
      status: 204,
      headers: [['Access-Control-Allow-Origin', PAGE]],
      time: at + 25,
    };
    return { record: r };
  },
  (id, seq, at) => {
    const r = base(id, seq, at, 'GET', `${API}/old/report`);
    r.hops = [
      {
        url: r.request.url,
        status: 302,
        headers: [['Location', 'http://localhost:9000/report']],
        location: 'http://localhost:9000/report',
        time: at + 15,
      },
    ];
    r.response = {
      url: 'http://localhost:9000/report',
      status: 200,
      headers: [['Access-Control-Allow-Origin', PAGE]],
      time: at + 45,
    };
    r.outcome = 'failed';
    r.error = 'net::ERR_FAILED';
    return { record: r };
  },
];

/** `rows` exchanges of the demo mix, deterministic, with real verdicts from the CORS engine. */
export function demoExchanges(rows: number, tabId = 1): LoggedExchange[] {
  return Array.from({ length: rows }, (_, i) => demoExchange(i, tabId));
}

/** The i-th exchange of the demo mix. */
export function demoExchange(i: number, tabId = 1): LoggedExchange {
  const scenario = SCENARIOS[i % SCENARIOS.length] as Scenario;
  const { record, override } = scenario(`${tabId}:demo-${i}`, i + 1, START + i * 137);
  record.tabId = tabId;
  const logged: LoggedExchange = { record, verdict: evaluate(toEngineExchange(record)) };
  if (override && record.response) {
    const seen: ExchangeRecord = { ...record, response: { ...record.response, headers: override } };
    logged.override = {
      ruleId: 'demo-rule',
      label: `Allow ${PAGE} → ${API} (demo)`,
      verdict: evaluate(toEngineExchange(seen)),
    };
  }
  return logged;
}
