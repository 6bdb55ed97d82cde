import { describe, expect, it } from 'vitest';
import { type ObservedRequest, observedTargets } from '../../../src/core/rules/observed-targets';

const PAGE = 'http://localhost:5173';
const req = (over: Partial<ObservedRequest>): ObservedRequest => ({
  url: 'http://127.0.0.1:8081/api',
  method: 'GET',
  requestHeaders: [],
  credentials: 'omit',
  blocked: false,
  ...over,
});

describe('observedTargets', () => {
  it('groups by target origin with counts, methods, headers and credentials as seen', () => {
    const targets = observedTargets(PAGE, [
      req({ method: 'PUT', requestHeaders: ['Content-Type'], credentials: 'include', blocked: true }),
      req({ url: 'http://127.0.0.1:8081/other?x=1', method: 'GET' }),
      req({ method: 'PUT', requestHeaders: ['content-type', 'X-Trace'], blocked: true }),
    ]);
    expect(targets).toEqual([
      {
        origin: 'http://127.0.0.1:8081',
        requests: 3,
        blocked: 2,
        methods: ['PUT', 'GET'],
        requestHeaders: ['content-type', 'x-trace'],
        credentials: true,
        credentialsAssumed: false,
      },
    ]);
  });

  it.each([
    [['omit'], true],
    [['unknown'], true],
    [['omit', 'unknown'], true],
    [['include'], false],
    [['unknown', 'include'], false],
  ] as const)('credentials seen as %j: the rule allows credentials, assumed: %s', (modes, assumed) => {
    const [target] = observedTargets(
      PAGE,
      modes.map((credentials) => req({ credentials })),
    );
    expect(target).toMatchObject({ credentials: true, credentialsAssumed: assumed });
  });

  it('lists blocked targets first, most blocked first, then by origin', () => {
    const targets = observedTargets(PAGE, [
      req({ url: 'https://b.example/' }),
      req({ url: 'https://a.example/' }),
      req({ url: 'https://c.example/', blocked: true }),
    ]);
    expect(targets.map((t) => t.origin)).toEqual([
      'https://c.example',
      'https://a.example',
      'https://b.example',
    ]);
  });

  it("leaves out the page's own origin and non-http(s) URLs", () => {
    expect(
      observedTargets(PAGE, [
        req({ url: `${PAGE}/api` }),
        req({ url: 'data:text/plain,x' }),
        req({ url: 'nonsense' }),
      ]),
    ).toEqual([]);
  });

  // Fetch §4.8 CORS-preflight fetch: a non-ok status fails the preflight whatever the headers say, and a DNR rule
  // cannot change a status (platform-facts.md).
  it.each([
    [404, 404],
    [405, 405],
    [500, 500],
    [302, 302],
    [204, undefined],
    [200, undefined],
  ])('a blocked request whose preflight got %i is unfixable: %s', (status, expected) => {
    const [target] = observedTargets(PAGE, [req({ method: 'PUT', blocked: true, preflightStatus: status })]);
    expect(target?.unfixablePreflightStatus).toBe(expected);
  });

  it('a non-2xx preflight of a request that passed anyway is not reported', () => {
    const [target] = observedTargets(PAGE, [req({ method: 'PUT', blocked: false, preflightStatus: 404 })]);
    expect(target?.unfixablePreflightStatus).toBeUndefined();
  });
});
