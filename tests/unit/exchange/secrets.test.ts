// Secrets never reach storage.session, HAR, JSON or cURL: by header name, by value shape, in query strings and
// fragments (redirect Locations too), and as a URL's user name and password, first request URL included. One
// redaction (src/core/exchange) serves all of them, and the record says which values it hid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateObserved } from '../../../src/core/cors/evaluate-observed';
import { createAssembler } from '../../../src/core/exchange/create-assembler';
import type { HeaderList } from '../../../src/core/exchange/events';
import { mirrorWrite } from '../../../src/core/exchange/log-mirror';
import { redactRecord } from '../../../src/core/exchange/redact-record';
import { TabLog } from '../../../src/core/exchange/tab-log';
import { toEngineExchange } from '../../../src/core/exchange/to-engine-exchange';
import type { ExchangeRecord } from '../../../src/core/exchange/types';
import { curlCommands } from '../../../src/core/fixes/curl-commands';
import { toHar } from '../../../src/panel/to-har';
import { toJsonExport } from '../../../src/panel/to-json-export';
import type { LoggedExchange } from '../../../src/shared/panel-protocol';
import { PAGE, preflightHeaders, Script } from './net-events';
import { runEvents } from './run-events';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzMTEifQ.c2lnbmF0dXJlLXMxMQ';
const FIRST_URL =
  'http://alice:s01@127.0.0.1:4000/data?api_key=s02&access_token=s03&password=s04&token=s05&code=s06&page=2';
const LOCATION = 'http://127.0.0.1:4000/cb?state=fine#access_token=s07&token_type=bearer';
const SECRET_HEADERS: HeaderList = [
  ['X-Api-Key', 's08'],
  ['X-Auth-Token', 's09'],
  ['X-CSRF-Token', 's10'],
  ['X-Amz-Security-Token', 's12'],
  ['X-Refresh-Token', 's13'],
  ['X-Trace', JWT],
  ['X-Forwarded-Authorization', 'Bearer s14'],
  ['Authorization', 'Basic s15'],
];
const SECRETS = ['alice', 's01', 's02', 's03', 's04', 's05', 's06', 's07', 's08', 's09', 's10', 's12'];
const MORE_SECRETS = ['s13', 's14', 's15', JWT];
const KEPT = [
  'page=2',
  'state=fine',
  'token_type=bearer',
  'application/json',
  'x-api-key',
  'X-Api-Key',
  PAGE,
];

function capture(): ExchangeRecord[] {
  const s = new Script();
  const request: HeaderList = [['Content-Type', 'application/json'], ...SECRET_HEADERS, ['Origin', PAGE]];
  const { latest } = runEvents(createAssembler(), [
    s.before('p', 'OPTIONS', FIRST_URL),
    s.send('p', preflightHeaders('PUT', ['content-type', 'x-api-key', 'x-auth-token'])),
    s.received('p', 204, [
      ['Access-Control-Allow-Origin', PAGE],
      ['Access-Control-Allow-Methods', 'PUT'],
      ['Access-Control-Allow-Headers', 'content-type, x-api-key, x-auth-token, x-csrf-token, authorization'],
    ]),
    s.completed('p', 204),
    s.before('a', 'PUT', FIRST_URL),
    s.send('a', request),
    s.redirect('a', 302, LOCATION, [
      ['Location', LOCATION],
      ['Access-Control-Allow-Origin', PAGE],
    ]),
    s.before('a', 'PUT', LOCATION),
    s.send('a', request),
    s.received('a', 200, [
      ['Access-Control-Allow-Origin', PAGE],
      ['X-Session-Token', 's16'],
      ['Content-Type', 'application/json'],
    ]),
    s.completed('a', 200),
  ]);
  return [...latest.values()];
}

function expectNoSecrets(text: string): void {
  for (const secret of [...SECRETS, ...MORE_SECRETS, 's16']) expect(text).not.toContain(secret);
}

describe('storage: what the log mirrors to storage.session', () => {
  it('holds no secret from the request, its URL, the redirect or the response', () => {
    const log = new TabLog();
    for (const record of capture()) log.add(record);
    const stored = JSON.stringify(mirrorWrite(7, log.takeMirrorDelta()).set);
    expectNoSecrets(stored);
    for (const kept of KEPT) expect(stored).toContain(kept);
  });

  it('keeps the CORS headers and every header name, and that the URL had credentials', () => {
    const record = capture().find((r) => r.id.endsWith(':a')) as ExchangeRecord;
    expect(record.request.headers.map(([name]) => name)).toEqual([
      'Content-Type',
      ...SECRET_HEADERS.map(([name]) => name),
      'Origin',
    ]);
    expect(record.preflight?.response?.headers).toContainEqual([
      'Access-Control-Allow-Headers',
      'content-type, x-api-key, x-auth-token, x-csrf-token, authorization',
    ]);
    expect(new URL(record.request.url).username).not.toBe('');
  });

  it('says which values it hid, list by list', () => {
    const record = capture().find((r) => r.id.endsWith(':a')) as ExchangeRecord;
    const redacted = (record as { redacted?: { field: string; name: string }[] }).redacted ?? [];
    expect(redacted).toContainEqual({ field: 'request.headers', name: 'x-api-key' });
    expect(redacted).toContainEqual({ field: 'request.headers', name: 'x-trace' });
    expect(redacted).toContainEqual({ field: 'response.headers', name: 'x-session-token' });
    expect(redacted).toContainEqual({ field: 'request.url', name: 'api_key' });
    expect(redacted).toContainEqual({ field: 'request.url', name: 'userinfo' });
    expect(redacted).not.toContainEqual(expect.objectContaining({ name: 'content-type' }));
  });
});

/** A record as some other producer might hand it over, secrets in clear: exports must still hide them. */
function clearRecord(): LoggedExchange {
  const record: ExchangeRecord = {
    id: '7:x',
    seq: 1,
    tabId: 7,
    pageOrigin: PAGE,
    type: 'xmlhttprequest',
    request: {
      method: 'GET',
      url: FIRST_URL,
      headers: [...SECRET_HEADERS, ['Accept', '*/*']],
      authorHeaders: [...SECRET_HEADERS],
      credentials: 'omit-or-same-origin',
    },
    hops: [{ url: FIRST_URL, status: 302, headers: [['Location', LOCATION]], location: LOCATION, time: 2 }],
    response: { url: LOCATION, status: 200, headers: [['X-Session-Token', 's16']], time: 3 },
    outcome: 'completed',
    startedAt: 1,
  };
  return { record, verdict: { allowed: true, explanation: 'ok' } as LoggedExchange['verdict'] };
}

describe('exports', () => {
  it('HAR hides every secret, URLs and query strings included', () => {
    const text = JSON.stringify(toHar([clearRecord()]));
    expectNoSecrets(text);
    expect(text).toContain('page=2');
  });

  it('JSON hides every secret, URLs included', () => {
    const text = JSON.stringify(toJsonExport([clearRecord()], '1'));
    expectNoSecrets(text);
    expect(text).toContain('state=fine');
  });

  it('cURL hides secret headers, token-shaped values and URL secrets', () => {
    const { actual } = curlCommands({
      url: FIRST_URL,
      method: 'PUT',
      headers: [...SECRET_HEADERS, ['Content-Type', 'application/json']],
      origin: PAGE,
      preflight: true,
      credentials: false,
    });
    expectNoSecrets(actual);
    expect(actual).toContain("-H 'Content-Type: application/json'");
    expect(actual).toContain('page=2');
  });
});

describe('property: redaction changes no verdict and no header name', () => {
  const names = fc.constantFrom(
    'Access-Control-Allow-Origin',
    'Access-Control-Allow-Credentials',
    'Access-Control-Allow-Methods',
    'Access-Control-Allow-Headers',
    'Access-Control-Expose-Headers',
    'Content-Type',
    'Accept',
    'Range',
    'Authorization',
    'X-Api-Key',
    'X-Trace',
    'Location',
    'Cookie',
    'Set-Cookie',
  );
  const values = fc.oneof(
    fc.constantFrom(PAGE, '*', 'true', 'PUT, DELETE', 'x-api-key, authorization', 'text/plain', '*/*'),
    fc.constantFrom(
      `Bearer ${JWT}`,
      JWT,
      'Basic dTpw',
      'http://u:p@127.0.0.1:4000/x?token=t&y=1',
      'bytes=0-9',
    ),
    fc.string({ maxLength: 12 }),
  );
  const headers = fc.array(fc.tuple(names, values), { maxLength: 6 });
  const records = fc
    .record({
      url: fc.constantFrom(FIRST_URL, 'http://127.0.0.1:4000/x', 'https://api.test/a?code=1&b=2'),
      method: fc.constantFrom('GET', 'PUT', 'POST'),
      request: headers,
      preflight: fc.option(headers, { nil: undefined }),
      hop: fc.option(
        fc.tuple(fc.constantFrom(301, 302, 307), headers, fc.constantFrom(LOCATION, FIRST_URL)),
        {
          nil: undefined,
        },
      ),
      response: headers,
      status: fc.constantFrom(200, 204, 403),
      outcome: fc.constantFrom('completed' as const, 'failed' as const),
    })
    .map(
      ({ url, method, request, preflight, hop, response, status, outcome }): ExchangeRecord => ({
        id: '7:p',
        seq: 1,
        tabId: 7,
        pageOrigin: PAGE,
        type: 'xmlhttprequest',
        request: {
          method,
          url,
          headers: request,
          authorHeaders: request,
          credentials: request.some(([n]) => n === 'Cookie') ? 'include' : 'omit-or-same-origin',
        },
        ...(preflight && {
          preflight: {
            requestId: 'p',
            request: { headers: preflightHeaders(method, ['x-api-key']), time: 1 },
            response: { status: 204, headers: preflight, time: 2 },
          },
        }),
        hops: hop
          ? [{ url, status: hop[0], headers: [...hop[1], ['Location', hop[2]]], location: hop[2], time: 3 }]
          : [],
        response: { url: hop ? hop[2] : url, status, headers: response, time: 4 },
        outcome,
        startedAt: 1,
      }),
    );

  it('the verdict on the redacted record is the verdict on the record', () => {
    fc.assert(
      fc.property(records, (record) => {
        const redacted = redactRecord(record);
        const refused = record.outcome === 'failed';
        const before = evaluateObserved(toEngineExchange(record), refused);
        const after = evaluateObserved(toEngineExchange(redacted), refused);
        // The explanation may quote a URL: the same words, with the URL as redacted (nothing hidden comes back).
        expect({ ...after, explanation: '' }).toEqual({ ...before, explanation: '' });
        const kept = JSON.stringify(redacted);
        for (const secret of [...SECRETS, ...MORE_SECRETS])
          if (!kept.includes(secret)) expect(after.explanation).not.toContain(secret);
        expect(redacted.request.headers.map(([n]) => n)).toEqual(record.request.headers.map(([n]) => n));
        expect(redactRecord(redacted)).toEqual(redacted);
      }),
      { numRuns: 500 },
    );
  });
});
