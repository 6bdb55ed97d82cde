import { describe, expect, it } from 'vitest';
import { authorHeaders } from '../../../src/core/exchange/author-headers';
import { choosePreflight, type PreflightCandidate } from '../../../src/core/exchange/choose-preflight';
import type { BeforeRequestEvent, HeaderList } from '../../../src/core/exchange/events';
import { inferCredentials } from '../../../src/core/exchange/infer-credentials';
import { inferRequestMode } from '../../../src/core/exchange/infer-request-mode';
import { isCrossOrigin } from '../../../src/core/exchange/is-cross-origin';
import { isExtensionOrigin } from '../../../src/core/exchange/is-extension-origin';
import { parsePreflightRequest } from '../../../src/core/exchange/parse-preflight-request';
import { REDACTED, redactHeaders } from '../../../src/core/exchange/redact-headers';
import { shouldObserve } from '../../../src/core/exchange/should-observe';

describe('redactHeaders', () => {
  it('hides the values of secret headers, whatever their case, and keeps everything else', () => {
    const headers: HeaderList = [
      ['Authorization', 'Bearer x'],
      ['COOKIE', 'a=b'],
      ['set-cookie', 'c=d'],
      ['Proxy-Authorization', 'Basic y'],
      ['X-Api-Key', 'k'],
      ['X-Request-Id', 'visible'],
      ['Content-Type', 'text/plain'],
    ];
    expect(redactHeaders(headers)).toEqual([
      ['Authorization', REDACTED],
      ['COOKIE', REDACTED],
      ['set-cookie', REDACTED],
      ['Proxy-Authorization', REDACTED],
      ['X-Api-Key', REDACTED],
      ['X-Request-Id', 'visible'],
      ['Content-Type', 'text/plain'],
    ]);
    expect(headers[0]).toEqual(['Authorization', 'Bearer x']);
  });
});

describe('isCrossOrigin', () => {
  it.each([
    ['http://127.0.0.1:4000/a', 'http://localhost:4000', true],
    ['http://localhost:5173/a', 'http://localhost:3000', true],
    ['https://localhost:3000/a', 'http://localhost:3000', true],
    ['http://localhost:3000/a?b#c', 'http://localhost:3000', false],
    ['http://localhost/a', 'http://localhost:80', false],
    ['http://api.test/a', 'null', true],
    ['not a url', 'http://localhost:3000', false],
  ])('%s from %s → %s', (url, initiator, expected) => {
    expect(isCrossOrigin(url, initiator)).toBe(expected);
  });
});

describe('isExtensionOrigin', () => {
  it.each([
    ['chrome-extension://abc', true],
    ['moz-extension://0b1c', true],
    ['http://localhost:3000', false],
  ])('%s → %s', (origin, expected) => {
    expect(isExtensionOrigin(origin)).toBe(expected);
  });
});

describe('shouldObserve', () => {
  const base: BeforeRequestEvent = {
    kind: 'before-request',
    requestId: '1',
    tabId: 1,
    url: 'http://127.0.0.1:4000/a',
    method: 'GET',
    type: 'xmlhttprequest',
    initiator: 'http://localhost:3000',
    time: 0,
  };
  it.each<[string, Partial<BeforeRequestEvent>, boolean]>([
    ['a cross-origin fetch', {}, true],
    ['a cross-origin font', { type: 'font' }, true],
    ['a same-origin fetch', { url: 'http://localhost:3000/a' }, false],
    ['a navigation', { type: 'main_frame' }, false],
    ['an extension page request', { initiator: 'chrome-extension://abc' }, false],
    ['a Firefox extension page request', { initiator: 'moz-extension://abc' }, false],
    ['a request without initiator', { initiator: undefined }, false],
    ['a websocket', { url: 'ws://127.0.0.1:4000/a' }, false],
  ])('%s → %s', (_, change, expected) => {
    expect(shouldObserve({ ...base, ...change })).toBe(expected);
  });
});

describe('authorHeaders', () => {
  it('keeps what the page set and drops what Chromium added', () => {
    const sent: HeaderList = [
      ['Accept', '*/*'],
      ['Content-Type', 'application/json'],
      ['X-Token', 'abc'],
      ['Authorization', 'Bearer x'],
      ['Origin', 'http://localhost:3000'],
      ['Referer', 'http://localhost:3000/'],
      ['User-Agent', 'Chrome'],
      ['Accept-Encoding', 'gzip'],
      ['Accept-Language', 'en-US'],
      ['Sec-Fetch-Mode', 'cors'],
      ['sec-ch-ua', '"Chromium"'],
      ['Cookie', 'a=b'],
      ['Pragma', 'no-cache'],
      ['Cache-Control', 'no-cache'],
      ['If-None-Match', '"etag"'],
      ['Priority', 'u=1, i'],
    ];
    expect(authorHeaders(sent, { type: 'xmlhttprequest' })).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Token', 'abc'],
      ['Authorization', 'Bearer x'],
    ]);
  });

  it.each<[string, HeaderList, Parameters<typeof authorHeaders>[1], HeaderList]>([
    [
      'an explicit Accept',
      [['Accept', 'application/json']],
      { type: 'xmlhttprequest' },
      [['Accept', 'application/json']],
    ],
    [
      'an author Cache-Control',
      [['Cache-Control', 'no-store']],
      { type: 'xmlhttprequest' },
      [['Cache-Control', 'no-store']],
    ],
    [
      'a name the preflight asked for, even a cache one',
      [['Cache-Control', 'no-cache']],
      { type: 'xmlhttprequest', requestedHeaderNames: ['cache-control'] },
      [['Cache-Control', 'no-cache']],
    ],
    ['an image (scripts cannot decorate it)', [['X-Token', 'a']], { type: 'image' }, []],
    [
      'an Accept-Language unlike the default',
      [['Accept-Language', 'fr']],
      { type: 'xmlhttprequest', acceptLanguage: 'en-US,en;q=0.9' },
      [['Accept-Language', 'fr']],
    ],
    [
      'the default Accept-Language',
      [['Accept-Language', 'en-US,en;q=0.9']],
      { type: 'xmlhttprequest', acceptLanguage: 'en-US,en;q=0.9' },
      [],
    ],
  ])('%s', (_, sent, context, expected) => {
    expect(authorHeaders(sent, context)).toEqual(expected);
  });
});

describe('inferCredentials', () => {
  it.each<[HeaderList | undefined, string]>([
    [[['Cookie', '<redacted>']], 'include'],
    [[['cookie', 'a=b']], 'include'],
    [[['Authorization', 'Bearer x']], 'omit-or-same-origin'],
    [[], 'omit-or-same-origin'],
    [undefined, 'unknown'],
  ])('%j → %s', (sent, expected) => {
    expect(inferCredentials(sent)).toBe(expected);
  });
});

describe('inferRequestMode', () => {
  it.each<[string, HeaderList, string, string]>([
    ['GET', [['Sec-Fetch-Mode', 'no-cors']], 'xmlhttprequest', 'no-cors'],
    ['GET', [['Sec-Fetch-Mode', 'cors']], 'image', 'cors'],
    ['GET', [['Origin', 'http://a']], 'image', 'cors'],
    ['POST', [['Origin', 'http://a']], 'image', 'no-cors'],
    ['GET', [], 'xmlhttprequest', 'cors'],
    ['GET', [], 'script', 'no-cors'],
  ])('%s %j %s → %s', (method, headers, type, expected) => {
    expect(inferRequestMode(method, headers, type)).toBe(expected);
  });
});

describe('parsePreflightRequest', () => {
  it('reads the requested method and lower-case, sorted, unique header names', () => {
    expect(
      parsePreflightRequest('OPTIONS', [
        ['access-control-request-method', 'PUT'],
        ['Access-Control-Request-Headers', 'X-B, content-type,x-b'],
      ]),
    ).toEqual({ method: 'PUT', headerNames: ['content-type', 'x-b'] });
  });
  it.each<[string, HeaderList]>([
    ['OPTIONS', [['Origin', 'http://a']]],
    ['GET', [['Access-Control-Request-Method', 'PUT']]],
    ['OPTIONS', [['Access-Control-Request-Method', ' ']]],
  ])('%s %j is not a preflight', (method, headers) => {
    expect(parsePreflightRequest(method, headers)).toBeUndefined();
  });
});

describe('choosePreflight', () => {
  const candidate = (
    name: string,
    startOrder: number,
    more: Partial<PreflightCandidate> = {},
  ): PreflightCandidate & { name: string } => ({ name, ask: { headerNames: [] }, startOrder, ...more });
  const claim = { startOrder: 5, preflightAfterActual: false } as const;

  it.each<
    [
      string,
      (PreflightCandidate & { name: string })[],
      Parameters<typeof choosePreflight>[1],
      string | undefined,
    ]
  >([
    ['nothing to choose from', [], { ...claim, outcome: 'sent' }, undefined],
    [
      'a sent request takes a passed preflight over an earlier failed one',
      [
        candidate('failed', 6, { answerOrder: 8, response: { status: 405 } }),
        candidate('passed', 7, { answerOrder: 9, response: { status: 204 } }),
      ],
      { ...claim, outcome: 'sent' },
      'passed',
    ],
    [
      'a failed request takes a failed preflight over an earlier passed one',
      [
        candidate('passed', 6, { answerOrder: 8, response: { status: 204 } }),
        candidate('failed', 7, { answerOrder: 9, response: { status: 204 }, error: 'net::ERR_FAILED' }),
      ],
      { ...claim, outcome: 'failed' },
      'failed',
    ],
    [
      'first answered first',
      [
        candidate('late', 6, { answerOrder: 12, response: { status: 200 } }),
        candidate('early', 7, { answerOrder: 10, response: { status: 200 } }),
      ],
      { ...claim, outcome: 'sent' },
      'early',
    ],
    [
      'a preflight asking for a header that was not sent does not fit',
      [candidate('other', 6, { ask: { headerNames: ['x-b'] } })],
      { ...claim, outcome: 'sent', sentHeaderNames: new Set(['x-a']) },
      undefined,
    ],
    [
      'with the hint, one started after the request beats an earlier one',
      [
        candidate('before', 4, { answerOrder: 8, response: { status: 200 } }),
        candidate('after', 6, { answerOrder: 9, response: { status: 200 } }),
      ],
      { ...claim, outcome: 'sent', preflightAfterActual: true },
      'after',
    ],
  ])('%s', (_, candidates, theClaim, expected) => {
    expect(choosePreflight(candidates, theClaim)?.name).toBe(expected);
  });
});
