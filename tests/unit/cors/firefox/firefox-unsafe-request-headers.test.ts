import { describe, expect, it } from 'vitest';
import { firefoxNeedsPreflight } from '../../../../src/core/cors/firefox/firefox-needs-preflight';
import { firefoxUnsafeRequestHeaders } from '../../../../src/core/cors/firefox/firefox-unsafe-request-headers';

// dom/fetch/InternalHeaders.cpp IsSimpleHeader and nsCORSListenerProxy.cpp CheckPreflightNeeded, as Firefox 153 runs
// them (Range measured).
describe('what Firefox preflights', () => {
  it('safelists the Fetch standard’s five names only: no client hints', () => {
    expect(
      firefoxUnsafeRequestHeaders([
        ['Accept', 'application/json'],
        ['Accept-Language', 'en-US,en;q=0.9'],
        ['Content-Language', 'de'],
        ['Content-Type', 'text/plain'],
        ['Range', 'bytes=0-99'],
        ['Device-Memory', '8'],
      ]),
    ).toEqual([{ name: 'device-memory', reason: 'not-safelisted-name' }]);
  });

  it('judges the value of a safelisted name as Fetch does', () => {
    expect(
      firefoxUnsafeRequestHeaders([
        ['Range', 'bytes=0-99,200-299'],
        ['Accept', 'text/"html"'],
        ['Accept-Language', 'x'.repeat(129)],
        ['Content-Type', 'application/json'],
      ]).map((h) => [h.name, h.reason]),
    ).toEqual([
      ['accept', 'unsafe-byte'],
      ['accept-language', 'value-too-long'],
      ['content-type', 'content-type-essence'],
      ['range', 'range-not-simple'],
    ]);
  });

  it('lower-cases, sorts and de-duplicates the names (Access-Control-Request-Headers), skipping forbidden ones', () => {
    expect(
      firefoxUnsafeRequestHeaders([
        ['X-Zeta', '1'],
        ['X-Alpha', '2'],
        ['x-zeta', '3'],
        ['Cookie', 'a=b'],
      ]).map((h) => h.name),
    ).toEqual(['x-alpha', 'x-zeta']);
  });

  it('preflights other methods (case-insensitively GET/HEAD/POST are simple), unsafe headers and upload listeners', () => {
    expect(firefoxNeedsPreflight({ method: 'POST', headers: [] }).required).toBe(false);
    expect(firefoxNeedsPreflight({ method: 'patch', headers: [] }).reasons).toEqual([
      { kind: 'method', method: 'patch' },
    ]);
    expect(firefoxNeedsPreflight({ method: 'GET', headers: [], useCorsPreflight: true })).toEqual({
      required: true,
      reasons: [{ kind: 'upload-listener' }],
      unsafeHeaderNames: [],
    });
    expect(firefoxNeedsPreflight({ method: 'GET', headers: [['X-Api-Key', 'k']] }).unsafeHeaderNames).toEqual(
      ['x-api-key'],
    );
  });
});
