import { describe, expect, it } from 'vitest';
import { createAssembler } from '../../../src/core/exchange/create-assembler';
import { endAbandoned } from '../../../src/core/exchange/end-abandoned';
import type { HeaderList } from '../../../src/core/exchange/events';
import {
  API,
  allowHeaders,
  chromiumRequestHeaders,
  firefoxRequestHeaders,
  PAGE,
  preflightHeaders,
  Script,
  TAB,
} from './net-events';
import { only, runEvents } from './run-events';

const data = `${API}/data`;
const allowOrigin: HeaderList = [['Access-Control-Allow-Origin', PAGE]];
// Stand-in for the CORS engine: anything but GET/HEAD/POST or an x- header needs a preflight.
const needsPreflight = (method: string, headers: HeaderList) =>
  !['GET', 'HEAD', 'POST'].includes(method) || headers.some(([name]) => name.toLowerCase().startsWith('x-'));

describe('simple requests', () => {
  it('Chromium: an allowed simple GET becomes one completed exchange with its response', () => {
    const s = new Script();
    const { latest } = runEvents(createAssembler(), [
      s.before('1', 'GET', data),
      s.send('1', chromiumRequestHeaders()),
      s.received('1', 200, allowOrigin),
      s.completed('1', 200),
    ]);
    const record = only(latest);
    expect(record).toMatchObject({
      id: `${TAB}:1`,
      tabId: TAB,
      pageOrigin: PAGE,
      type: 'xmlhttprequest',
      request: { method: 'GET', url: data, authorHeaders: [], credentials: 'omit-or-same-origin' },
      response: { url: data, status: 200, headers: allowOrigin, fromCache: false },
      outcome: 'completed',
      startedAt: 1_001,
      endedAt: 1_004,
    });
    expect(record.preflight).toBeUndefined();
    expect(record.request.headers).toHaveLength(chromiumRequestHeaders().length);
  });

  it('Chromium: a blocked simple GET fails with net::ERR_FAILED and keeps the response it got', () => {
    const s = new Script();
    const { latest } = runEvents(createAssembler(), [
      s.before('1', 'GET', data),
      s.send('1', chromiumRequestHeaders()),
      s.received('1', 200, [['Content-Type', 'application/json']]),
      s.error('1', 'net::ERR_FAILED'),
    ]);
    expect(only(latest)).toMatchObject({
      outcome: 'failed',
      error: 'net::ERR_FAILED',
      response: { status: 200, headers: [['Content-Type', 'application/json']] },
    });
  });

  it('Firefox: a blocked simple GET completes 200 without error (the verdict tells)', () => {
    const s = new Script();
    const { latest } = runEvents(createAssembler(), [
      s.before('1', 'GET', data),
      s.send('1', firefoxRequestHeaders()),
      s.received('1', 200, []),
      s.completed('1', 200),
    ]);
    const record = only(latest);
    expect(record.outcome).toBe('completed');
    expect(record.error).toBeUndefined();
    expect(record.response?.headers).toEqual([]);
  });

  it('emits the exchange at once (pending), then each change with a higher seq', () => {
    const s = new Script();
    const { emitted } = runEvents(createAssembler(), [
      s.before('1', 'GET', data),
      s.send('1', chromiumRequestHeaders()),
      s.received('1', 200, allowOrigin),
      s.completed('1', 200),
    ]);
    expect(emitted.map((record) => record.outcome)).toEqual(['pending', 'pending', 'pending', 'completed']);
    expect(emitted.map((record) => record.seq)).toEqual([1, 2, 3, 4]);
  });

  it('credentials: a Cookie sent means include; the cookie value is redacted', () => {
    const s = new Script();
    const { latest } = runEvents(createAssembler(), [
      s.before('1', 'GET', data),
      s.send('1', [...chromiumRequestHeaders(), ['Cookie', 'session=s3cret']]),
      s.completed('1', 200),
    ]);
    const record = only(latest);
    expect(record.request.credentials).toBe('include');
    expect(record.request.headers).toContainEqual(['Cookie', '<redacted>']);
    expect(JSON.stringify(record)).not.toContain('s3cret');
  });
});

describe('preflighted requests', () => {
  it('Chromium: a preflighted PUT is one exchange with its preflight attached', () => {
    const s = new Script();
    const author: HeaderList = [
      ['Content-Type', 'application/json'],
      ['X-Token', 'abc'],
    ];
    const { latest } = runEvents(createAssembler({ preflightAfterActual: true }), [
      s.before('a', 'PUT', data),
      s.before('p', 'OPTIONS', data),
      s.send('p', preflightHeaders('PUT', ['content-type', 'x-token'])),
      s.received('p', 204, allowHeaders()),
      s.completed('p', 204),
      s.send('a', chromiumRequestHeaders(author)),
      s.received('a', 200, allowOrigin),
      s.completed('a', 200),
    ]);
    const record = only(latest);
    expect(record).toMatchObject({
      id: `${TAB}:a`,
      // X-Token is secret-named: its value is hidden, its name kept.
      request: {
        method: 'PUT',
        authorHeaders: [
          ['Content-Type', 'application/json'],
          ['X-Token', '<redacted>'],
        ],
      },
      preflight: {
        requestId: 'p',
        request: { headers: preflightHeaders('PUT', ['content-type', 'x-token']), time: 1_003 },
        response: { status: 204, headers: allowHeaders(), time: 1_004 },
      },
      outcome: 'completed',
    });
    expect(record.preflightCached).toBeUndefined();
  });

  it('Chromium: a failed preflight (405) attaches to its actual request, which fails unsent', () => {
    const s = new Script();
    const assembler = createAssembler({ preflightAfterActual: true });
    const { latest } = runEvents(assembler, [
      s.before('a', 'PUT', data),
      s.before('p', 'OPTIONS', data),
      s.send('p', preflightHeaders('PUT', ['x-token'])),
      s.received('p', 405, []),
      s.completed('p', 405),
      s.error('a', 'net::ERR_FAILED'),
    ]);
    const record = only(latest);
    expect(record).toMatchObject({
      id: `${TAB}:a`,
      outcome: 'failed',
      error: 'net::ERR_FAILED',
      request: { method: 'PUT', headers: [], credentials: 'unknown' },
      preflight: { requestId: 'p', response: { status: 405 } },
    });
    expect(record.response).toBeUndefined();
    expect(assembler.pending()).toBe(0);
  });

  it('Firefox: preflight events before the actual request are still paired', () => {
    const s = new Script();
    const assembler = createAssembler();
    const { latest } = runEvents(assembler, [
      s.before('p', 'OPTIONS', data),
      s.send('p', preflightHeaders('PUT', ['x-token'])),
      s.received('p', 200, allowHeaders('PUT', 'x-token')),
      s.completed('p', 200),
      s.before('a', 'PUT', data),
      s.send('a', firefoxRequestHeaders([['X-Token', 'abc']])),
      s.received('a', 200, allowOrigin),
      s.completed('a', 200),
    ]);
    expect(only(latest)).toMatchObject({
      id: `${TAB}:a`,
      preflight: { requestId: 'p' },
      outcome: 'completed',
    });
    expect(assembler.pending()).toBe(0);
  });

  it('Firefox: a failed preflight before the actual request pairs with its NS_ERROR_DOM_BAD_URI', () => {
    const s = new Script();
    const { latest } = runEvents(createAssembler(), [
      s.before('p', 'OPTIONS', data),
      s.send('p', preflightHeaders('DELETE')),
      s.received('p', 405, []),
      s.completed('p', 405),
      s.before('a', 'DELETE', data),
      s.error('a', 'NS_ERROR_DOM_BAD_URI'),
    ]);
    expect(only(latest)).toMatchObject({
      id: `${TAB}:a`,
      outcome: 'failed',
      error: 'NS_ERROR_DOM_BAD_URI',
      preflight: { requestId: 'p', response: { status: 405 } },
    });
  });

  it('a failed preflight whose actual request never shows up is logged alone after the grace period', () => {
    const s = new Script();
    const assembler = createAssembler({ orphanGraceMs: 2_000 });
    const { latest } = runEvents(assembler, [
      s.before('p', 'OPTIONS', data),
      s.send('p', preflightHeaders('PATCH', ['x-token'])),
      s.received('p', 403, []),
      s.completed('p', 403),
    ]);
    expect(latest.size).toBe(0);
    expect(assembler.sweep(s.time + 1_999)).toEqual([]);
    const [record, ...rest] = assembler.sweep(s.time + 2_000);
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      id: `${TAB}:p`,
      pageOrigin: PAGE,
      request: { method: 'PATCH', url: data, headers: [], credentials: 'unknown' },
      preflight: { requestId: 'p', response: { status: 403 } },
      outcome: 'failed',
    });
    expect(assembler.pending()).toBe(0);
  });

  it('an unanswered preflight is held while an actual request waits for it', () => {
    const s = new Script();
    const assembler = createAssembler({ orphanGraceMs: 100 });
    runEvents(assembler, [
      s.before('a', 'PUT', data),
      s.before('p', 'OPTIONS', data),
      s.send('p', preflightHeaders('PUT')),
      s.received('p', 204, allowHeaders()),
    ]);
    expect(assembler.sweep(s.time + 5_000)).toEqual([]);
    const [record] = assembler.push(s.send('a', chromiumRequestHeaders()));
    expect(record?.preflight?.requestId).toBe('p');
  });

  it('late preflight events update the exchange that already claimed it', () => {
    const s = new Script();
    const { emitted } = runEvents(createAssembler(), [
      s.before('a', 'PUT', data),
      s.before('p', 'OPTIONS', data),
      s.send('p', preflightHeaders('PUT')),
      s.error('a', 'net::ERR_FAILED'),
      s.received('p', 500, []),
    ]);
    const last = emitted.at(-1);
    expect(last).toMatchObject({
      id: `${TAB}:a`,
      outcome: 'failed',
      preflight: { response: { status: 500 } },
    });
  });

  it('cached preflight: a request that needs one but sent none is marked preflightCached', () => {
    const s = new Script();
    const { latest } = runEvents(createAssembler({ needsPreflight }), [
      s.before('a', 'PUT', data),
      s.send('a', chromiumRequestHeaders([['X-Token', 'abc']])),
      s.received('a', 200, allowOrigin),
      s.completed('a', 200),
    ]);
    const record = only(latest);
    expect(record.preflightCached).toBe(true);
    expect(record.preflight).toBeUndefined();
  });

  it('cached preflight: names the passing preflight seen earlier for the same page and URL as its source', () => {
    const s = new Script();
    const maxAge: HeaderList = [...allowHeaders(), ['Access-Control-Max-Age', '600']];
    const answered: HeaderList = [...maxAge, ['Set-Cookie', 'session=s3cr3t']];
    const { latest } = runEvents(createAssembler({ needsPreflight, preflightAfterActual: true }), [
      s.before('a', 'PUT', data),
      s.before('p', 'OPTIONS', data),
      s.send('p', preflightHeaders('PUT', ['x-token'])),
      s.received('p', 204, answered),
      s.completed('p', 204),
      s.send('a', chromiumRequestHeaders([['X-Token', 'abc']])),
      s.received('a', 200, allowOrigin),
      s.completed('a', 200),
      // The same request again: no preflight, the browser's cache answered it.
      s.before('b', 'PUT', data),
      s.send('b', chromiumRequestHeaders([['X-Token', 'abc']])),
      s.received('b', 200, allowOrigin),
      s.completed('b', 200),
      // Another URL: nothing cached for it was seen.
      s.before('c', 'PUT', `${data}/other`),
      s.send('c', chromiumRequestHeaders([['X-Token', 'abc']])),
      s.completed('c', 200),
    ]);
    const byId = latest;
    expect(byId.get(`${TAB}:a`)?.preflightCacheSource).toBeUndefined();
    expect(byId.get(`${TAB}:b`)).toMatchObject({
      preflightCached: true,
      // Like every header list of a record, its secrets are hidden.
      preflightCacheSource: {
        requestId: 'p',
        answeredAt: 1_004,
        headers: [...maxAge, ['Set-Cookie', '<redacted>']],
      },
    });
    expect(byId.get(`${TAB}:c`)?.preflightCached).toBe(true);
    expect(byId.get(`${TAB}:c`)?.preflightCacheSource).toBeUndefined();
  });

  it('cached preflight: a refused (non-2xx) preflight is never named as the source', () => {
    const s = new Script();
    const { latest } = runEvents(createAssembler({ needsPreflight, preflightAfterActual: true }), [
      s.before('a', 'PUT', data),
      s.before('p', 'OPTIONS', data),
      s.send('p', preflightHeaders('PUT')),
      s.received('p', 405, allowOrigin),
      s.completed('p', 405),
      s.error('a', 'net::ERR_FAILED'),
      s.before('b', 'PUT', data),
      s.send('b', chromiumRequestHeaders()),
      s.completed('b', 200),
    ]);
    const b = latest.get(`${TAB}:b`);
    expect(b?.preflightCached).toBe(true);
    expect(b?.preflightCacheSource).toBeUndefined();
  });

  it('keeps the status line the server sent', () => {
    const s = new Script();
    const { latest } = runEvents(createAssembler(), [
      s.before('1', 'GET', data),
      s.send('1', chromiumRequestHeaders()),
      s.received('1', 500, [], 'HTTP/1.1 500 Internal Server Error'),
      s.error('1', 'net::ERR_FAILED'),
    ]);
    expect(only(latest).response).toMatchObject({
      status: 500,
      statusLine: 'HTTP/1.1 500 Internal Server Error',
    });
  });

  it('cached preflight: a simple GET is not marked, and nothing is marked without needsPreflight', () => {
    const s = new Script();
    const simple = runEvents(createAssembler({ needsPreflight }), [
      s.before('g', 'GET', data),
      s.send('g', chromiumRequestHeaders()),
      s.completed('g', 200),
    ]);
    expect(only(simple.latest).preflightCached).toBeUndefined();
    const withoutEngine = runEvents(createAssembler(), [
      s.before('a', 'PUT', data),
      s.send('a', chromiumRequestHeaders([['X-Token', 'abc']])),
      s.completed('a', 200),
    ]);
    expect(only(withoutEngine.latest).preflightCached).toBeUndefined();
  });

  it('an author OPTIONS request (no Access-Control-Request-Method) is an exchange, not a preflight', () => {
    const s = new Script();
    const { latest } = runEvents(createAssembler(), [
      s.before('p', 'OPTIONS', data),
      s.send('p', preflightHeaders('OPTIONS')),
      s.received('p', 204, allowHeaders('OPTIONS')),
      s.completed('p', 204),
      s.before('o', 'OPTIONS', data),
      s.send('o', chromiumRequestHeaders()),
      s.received('o', 200, allowOrigin),
      s.completed('o', 200),
    ]);
    expect(only(latest)).toMatchObject({
      id: `${TAB}:o`,
      request: { method: 'OPTIONS' },
      preflight: { requestId: 'p' },
      outcome: 'completed',
    });
  });

  it('pairs by requested headers: a request cannot claim a preflight that asked for a header it did not send', () => {
    const s = new Script();
    const { latest } = runEvents(createAssembler(), [
      s.before('a1', 'PUT', data),
      s.before('a2', 'PUT', data),
      s.before('p2', 'OPTIONS', data),
      s.send('p2', preflightHeaders('PUT', ['x-a', 'x-b'])),
      s.before('p1', 'OPTIONS', data),
      s.send('p1', preflightHeaders('PUT', ['x-a'])),
      s.received('p1', 204, allowHeaders('PUT', 'x-a')),
      s.received('p2', 204, allowHeaders('PUT', 'x-a,x-b')),
      // a2 (x-a and x-b) is sent first: it must take p2, the more specific, although p1 fits and was answered first.
      s.send(
        'a2',
        chromiumRequestHeaders([
          ['X-A', '1'],
          ['X-B', '2'],
        ]),
      ),
      s.send('a1', chromiumRequestHeaders([['X-A', '1']])),
    ]);
    expect(latest.get(`${TAB}:a1`)?.preflight?.requestId).toBe('p1');
    expect(latest.get(`${TAB}:a2`)?.preflight?.requestId).toBe('p2');
  });

  it('does not pair across tabs, URLs or methods', () => {
    const s = new Script();
    const assembler = createAssembler({ orphanGraceMs: 10 });
    const { latest } = runEvents(assembler, [
      s.before('a', 'PUT', data),
      s.before('p-tab', 'OPTIONS', data, { tabId: TAB + 1 }),
      s.send('p-tab', preflightHeaders('PUT')),
      s.before('p-url', 'OPTIONS', `${data}?page=2`),
      s.send('p-url', preflightHeaders('PUT')),
      s.before('p-method', 'OPTIONS', data),
      s.send('p-method', preflightHeaders('DELETE')),
      s.send('a', chromiumRequestHeaders()),
    ]);
    expect(latest.get(`${TAB}:a`)?.preflight).toBeUndefined();
    expect(assembler.pending()).toBe(4);
  });

  it('Chromium ordering hint: a preflight that started before the request is not its own', () => {
    const s = new Script();
    const events = [
      s.before('a0', 'PUT', data),
      s.before('p0', 'OPTIONS', data),
      s.send('p0', preflightHeaders('PUT')),
      s.received('p0', 204, allowHeaders()),
      s.before('a1', 'PUT', data),
      s.before('p1', 'OPTIONS', data),
      s.send('p1', preflightHeaders('PUT')),
      s.received('p1', 204, [...allowHeaders(), ['X-Which', 'p1']]),
      // a1's send is reported before a0's.
      s.send('a1', chromiumRequestHeaders()),
      s.send('a0', chromiumRequestHeaders()),
    ];
    const hinted = runEvents(createAssembler({ preflightAfterActual: true }), events).latest;
    expect(hinted.get(`${TAB}:a1`)?.preflight?.requestId).toBe('p1');
    expect(hinted.get(`${TAB}:a0`)?.preflight?.requestId).toBe('p0');
    // Without the hint FIFO gives a1 the first-answered preflight: the hint is what makes the difference.
    const fifo = runEvents(createAssembler(), events).latest;
    expect(fifo.get(`${TAB}:a1`)?.preflight?.requestId).toBe('p0');
  });
});

describe('pairing details', () => {
  it('Firefox without originUrl: the preflight is paired through its Origin header', () => {
    const s = new Script();
    const { latest } = runEvents(createAssembler(), [
      s.before('p', 'OPTIONS', data, { initiator: undefined }),
      s.send('p', preflightHeaders('PUT')),
      s.received('p', 200, allowHeaders()),
      s.before('a', 'PUT', data),
      s.send('a', firefoxRequestHeaders()),
    ]);
    expect(only(latest).preflight?.requestId).toBe('p');
  });

  it("Chromium ordering hint after a redirect: the hop's own preflight started after the redirect", () => {
    const s = new Script();
    const second = 'http://127.0.0.1:4001/put';
    const { latest } = runEvents(createAssembler({ preflightAfterActual: true }), [
      s.before('a', 'PUT', data),
      s.send('a', chromiumRequestHeaders()),
      s.before('b', 'PUT', second),
      s.before('pb', 'OPTIONS', second),
      s.send('pb', preflightHeaders('PUT')),
      s.received('pb', 204, allowHeaders()),
      s.redirect('a', 307, second, [['Location', second]]),
      s.before('a', 'PUT', second),
      s.before('pa', 'OPTIONS', second),
      s.send('pa', preflightHeaders('PUT')),
      s.received('pa', 204, allowHeaders()),
      s.send('a', chromiumRequestHeaders()),
      s.send('b', chromiumRequestHeaders()),
    ]);
    expect(latest.get(`${TAB}:a`)?.preflight?.requestId).toBe('pa');
    expect(latest.get(`${TAB}:b`)?.preflight?.requestId).toBe('pb');
  });
});

describe('redirects', () => {
  it('records each hop and the final response under the same requestId', () => {
    const s = new Script();
    const moved = `${API}/moved`;
    const final = 'http://127.0.0.1:4001/final';
    const { latest } = runEvents(createAssembler(), [
      s.before('1', 'GET', data),
      s.send('1', chromiumRequestHeaders()),
      s.received('1', 302, [['Location', moved], ...allowOrigin]),
      s.redirect('1', 302, moved, [['Location', moved], ...allowOrigin]),
      s.before('1', 'GET', moved),
      s.send('1', chromiumRequestHeaders()),
      s.redirect('1', 307, final, [['Location', final]]),
      s.before('1', 'GET', final),
      s.send('1', chromiumRequestHeaders([], 'null')),
      s.received('1', 200, [['Access-Control-Allow-Origin', '*']]),
      s.completed('1', 200),
    ]);
    const record = only(latest);
    expect(record.request.url).toBe(data);
    expect(record.hops).toEqual([
      {
        url: data,
        status: 302,
        headers: [['Location', moved], ...allowOrigin],
        location: moved,
        time: 1_004,
      },
      { url: moved, status: 307, headers: [['Location', final]], location: final, time: 1_007 },
    ]);
    expect(record.response).toMatchObject({ url: final, status: 200 });
    // The first send is kept: later ones carry Origin: null after a cross-origin redirect.
    expect(record.request.headers).toContainEqual(['Origin', PAGE]);
  });

  it('a redirect hop may need its own preflight: it is paired against the new URL', () => {
    const s = new Script();
    const other = 'http://127.0.0.1:4001/put';
    const { latest } = runEvents(createAssembler(), [
      s.before('a', 'PUT', data),
      s.before('p1', 'OPTIONS', data),
      s.send('p1', preflightHeaders('PUT')),
      s.received('p1', 204, allowHeaders()),
      s.completed('p1', 204),
      s.send('a', chromiumRequestHeaders()),
      s.redirect('a', 307, other, [['Location', other]]),
      s.before('a', 'PUT', other),
      s.before('p2', 'OPTIONS', other),
      s.send('p2', preflightHeaders('PUT')),
      s.received('p2', 404, []),
      s.completed('p2', 404),
      s.error('a', 'net::ERR_FAILED'),
    ]);
    expect(only(latest)).toMatchObject({ preflight: { requestId: 'p2', response: { status: 404 } } });
  });
});

describe('what is not logged', () => {
  it('ignores same-origin, extension-initiated, navigation and initiator-less requests, and all their events', () => {
    const s = new Script();
    const assembler = createAssembler();
    const { emitted } = runEvents(assembler, [
      s.before('same', 'GET', `${PAGE}/api`),
      s.before('ext', 'GET', data, { initiator: 'chrome-extension://abcdefghijklmnop' }),
      s.before('moz', 'PUT', data, { initiator: 'moz-extension://0b1c-uuid' }),
      s.before('nav', 'GET', data, { type: 'main_frame' }),
      s.before('none', 'GET', data, { initiator: undefined }),
      ...['same', 'ext', 'moz', 'nav', 'none'].flatMap((id) => [
        s.send(id, chromiumRequestHeaders()),
        s.received(id, 200, []),
        s.completed(id, 200),
      ]),
    ]);
    expect(emitted).toEqual([]);
    expect(assembler.pending()).toBe(0);
  });

  it('ignores preflights sent by extension pages', () => {
    const s = new Script();
    const assembler = createAssembler({ orphanGraceMs: 0 });
    runEvents(assembler, [
      s.before('p', 'OPTIONS', data, { initiator: 'moz-extension://0b1c-uuid' }),
      s.send('p', preflightHeaders('PUT')),
      s.received('p', 405, []),
      s.completed('p', 405),
    ]);
    expect(assembler.sweep(s.time + 10_000)).toEqual([]);
    expect(assembler.pending()).toBe(0);
  });
});

describe('redaction', () => {
  it('no secret reaches an emitted record: request, preflight, hop and response headers', () => {
    const s = new Script();
    const secrets: HeaderList = [
      ['Authorization', 'Bearer tok-1'],
      ['Cookie', 'sid=tok-2'],
      ['Proxy-Authorization', 'Basic tok-3'],
    ];
    const { emitted } = runEvents(createAssembler(), [
      s.before('a', 'PUT', data),
      s.before('p', 'OPTIONS', data),
      s.send('p', [...preflightHeaders('PUT', ['authorization']), ['Proxy-Authorization', 'Basic tok-4']]),
      s.received('p', 204, [...allowHeaders('PUT', 'authorization'), ['Set-Cookie', 'a=tok-5']]),
      s.send('a', chromiumRequestHeaders(secrets)),
      s.redirect('a', 307, `${API}/b`, [['set-cookie', 'b=tok-6']]),
      s.received('a', 200, [['SET-COOKIE', 'c=tok-7'], ...allowOrigin]),
      s.completed('a', 200),
    ]);
    expect(emitted.length).toBeGreaterThan(0);
    const all = JSON.stringify(emitted);
    for (let i = 1; i <= 7; i++) expect(all).not.toContain(`tok-${i}`);
    const record = emitted.at(-1);
    expect(record?.request.authorHeaders).toContainEqual(['Authorization', '<redacted>']);
    expect(record?.response?.headers).toContainEqual(['SET-COOKIE', '<redacted>']);
  });
});

describe('bounded memory', () => {
  it('flushes a request without news for the timeout as failed, and forgets it', () => {
    const s = new Script();
    const assembler = createAssembler({ timeoutMs: 60_000 });
    runEvents(assembler, [s.before('1', 'GET', data), s.send('1', chromiumRequestHeaders())]);
    expect(assembler.pending()).toBe(1);
    expect(assembler.sweep(s.time + 59_999)).toEqual([]);
    const flushed = assembler.sweep(s.time + 60_000);
    expect(flushed).toMatchObject([
      { id: `${TAB}:1`, outcome: 'failed', error: 'cors-lens:timeout', incomplete: 'no-response' },
    ]);
    expect(assembler.pending()).toBe(0);
    // Its late events are ignored.
    expect(assembler.push(s.completed('1', 200))).toEqual([]);
  });

  it('flushes through push too, from event times, so an idle tab cannot leak', () => {
    const s = new Script();
    const assembler = createAssembler({ timeoutMs: 1_000 });
    runEvents(assembler, [
      s.before('1', 'PUT', data),
      s.before('held', 'OPTIONS', data),
      s.before('p', 'OPTIONS', data),
      s.send('p', preflightHeaders('DELETE')),
    ]);
    expect(assembler.pending()).toBe(3);
    s.wait(5_000);
    const flushed = assembler.push(s.before('2', 'GET', `${PAGE}/same-origin`));
    expect(flushed.map((record) => record.id).sort()).toEqual([`${TAB}:1`, `${TAB}:p`]);
    expect(assembler.pending()).toBe(0);
  });

  it('a request that already has its response is ended at timeout, never left pending (it may be a long stream)', () => {
    const s = new Script();
    const assembler = createAssembler({ timeoutMs: 1_000 });
    runEvents(assembler, [
      s.before('1', 'GET', data),
      s.send('1', chromiumRequestHeaders()),
      s.received('1', 200, allowOrigin),
    ]);
    const [ended, ...rest] = assembler.sweep(s.time + 1_000);
    expect(rest).toEqual([]);
    // The verdict is made on the headers, so it stands: completed, and marked as ended by CORS Lens.
    expect(ended).toMatchObject({ id: `${TAB}:1`, outcome: 'completed', incomplete: 'no-final-event' });
    expect(ended?.error).toBeUndefined();
    expect(assembler.pending()).toBe(0);
  });

  it('forgetTab drops everything of that tab and nothing else', () => {
    const s = new Script();
    const assembler = createAssembler();
    runEvents(assembler, [
      s.before('1', 'GET', data),
      s.before('2', 'GET', data, { tabId: 8 }),
      s.before('p', 'OPTIONS', data),
      s.send('p', preflightHeaders('PUT')),
      s.before('h', 'OPTIONS', data),
    ]);
    expect(assembler.pending()).toBe(4);
    assembler.forgetTab(TAB);
    expect(assembler.pending()).toBe(1);
  });

  it('continues numbering after lastSeq (service-worker restart)', () => {
    const s = new Script();
    const [record] = createAssembler({ lastSeq: 41 }).push(s.before('1', 'GET', data));
    expect(record?.seq).toBe(42);
  });
});

describe('records a stopped background left pending', () => {
  it('are ended after a minute, marked as ended by CORS Lens, with the verdict of their headers kept', () => {
    const s = new Script();
    const assembler = createAssembler();
    const pending = only(
      runEvents(assembler, [s.before('1', 'GET', data), s.send('1', chromiumRequestHeaders())]).latest,
    );
    expect(pending.outcome).toBe('pending');
    expect(assembler.tracks(pending.id)).toBe(true);
    expect(createAssembler().tracks(pending.id)).toBe(false); // a new worker's assembler never saw it
    expect(endAbandoned(pending, pending.startedAt + 59_999)).toBeUndefined();
    expect(endAbandoned(pending, pending.startedAt + 60_000)).toMatchObject({
      outcome: 'failed',
      incomplete: 'no-response',
    });
    const answered = {
      ...pending,
      response: { url: data, status: 200, headers: [], time: pending.startedAt + 5 },
    };
    expect(endAbandoned(answered, pending.startedAt + 60_000)).toMatchObject({
      outcome: 'completed',
      incomplete: 'no-final-event',
    });
    expect(endAbandoned({ ...pending, outcome: 'completed' }, pending.startedAt + 120_000)).toBeUndefined();
  });
});

describe('giant headers', () => {
  it('are kept cut, CORS headers with more room, so one response cannot fill the log', async () => {
    const { capHeaderValue, MAX_HEADER_VALUE, MAX_CORS_HEADER_VALUE } = await import(
      '../../../src/core/exchange/cap-header-value'
    );
    const huge = 'x'.repeat(1_000_000);
    const cut = capHeaderValue('X-Debug', huge);
    expect(cut.length).toBeLessThan(MAX_HEADER_VALUE + 100);
    expect(cut).toContain(`${1_000_000 - MAX_HEADER_VALUE} more characters not kept`);
    expect(capHeaderValue('Access-Control-Allow-Headers', huge).length).toBeLessThan(
      MAX_CORS_HEADER_VALUE + 100,
    );
    expect(capHeaderValue('Content-Type', 'text/plain')).toBe('text/plain');
    const s = new Script();
    const assembler = createAssembler();
    const record = only(
      runEvents(assembler, [
        s.before('1', 'GET', data),
        s.send('1', chromiumRequestHeaders()),
        s.received('1', 200, [...allowOrigin, ['X-Debug', huge]]),
        s.completed('1', 200),
      ]).latest,
    );
    expect(JSON.stringify(record).length).toBeLessThan(20_000);
  });
});

describe('records the assembler hands out', () => {
  it('share no list or object with what it keeps following: a later event never changes an earlier record', () => {
    const s = new Script();
    const assembler = createAssembler({ deferChanges: true, preflightAfterActual: true });
    const url = `${data}?redirected`;
    const first = runEvents(assembler, [
      s.before('1', 'PUT', url),
      s.before('p', 'OPTIONS', url),
      s.send('p', preflightHeaders('PUT', ['content-type', 'x-token'])),
      s.received('p', 204, allowHeaders()),
      s.completed('p', 204),
      s.send('1', chromiumRequestHeaders([['Content-Type', 'application/json']])),
      s.redirect('1', 307, data),
      s.received('1', 200, allowOrigin),
    ]);
    const built = [...first.emitted, ...assembler.takeChanges()];
    const frozen = JSON.stringify(built);
    // Mutating what was handed out must not reach the assembler, and later events must not reach what was handed out.
    for (const record of built) {
      record.request.headers.push(['X-Added', 'by the panel']);
      record.hops[0]?.headers.push(['X-Added', 'by the panel']);
      record.response?.headers.push(['X-Added', 'by the panel']);
      record.preflight?.response?.headers.push(['X-Added', 'by the panel']);
    }
    const later = runEvents(assembler, [s.completed('1', 200)]);
    const ended = [...later.emitted, ...assembler.takeChanges()];
    expect(JSON.stringify(ended)).not.toContain('by the panel');
    for (const record of built) {
      for (const list of [record.request.headers, record.hops[0]?.headers, record.response?.headers])
        if (list !== undefined) list.pop();
      record.preflight?.response?.headers.pop();
    }
    expect(JSON.stringify(built)).toBe(frozen);
    expect(ended.at(-1)?.outcome).toBe('completed');
  });
});
