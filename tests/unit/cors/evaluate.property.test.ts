import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/cors/evaluate';
import { evaluateInFirefox } from '../../../src/core/cors/firefox/evaluate-in-firefox';
import { firefoxOutcome } from '../../../src/core/cors/firefox/firefox-outcome';
import type { Exchange, HeaderList } from '../../../src/core/cors/types';

const interestingName = fc.constantFrom(
  'Access-Control-Allow-Origin',
  'access-control-allow-credentials',
  'Access-Control-Allow-Methods',
  'Access-Control-Allow-Headers',
  'Access-Control-Expose-Headers',
  'Location',
  'Content-Type',
  'Authorization',
  'Set-Cookie',
  'Range',
  'Accept',
);
const name = fc.oneof(interestingName, fc.string({ maxLength: 12 }));
const value = fc.oneof(
  fc.constantFrom(
    '*',
    'true',
    'null',
    'http://localhost:5173',
    'http://a, http://b',
    'GET, PUT',
    'x-a',
    '',
    'data:,x',
    'http://u:p@b.test/',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const headers: fc.Arbitrary<HeaderList> = fc.array(fc.tuple(name, value), { maxLength: 8 });
const url = fc.oneof(
  fc.constantFrom(
    'http://localhost:5173/a',
    'http://127.0.0.1:8081/x',
    'https://b.test/',
    'ftp://c.test/',
    'data:,hi',
    'http://u:p@b.test/',
  ),
  fc.webUrl(),
  fc.string({ maxLength: 20 }),
);
const status = fc.oneof(
  fc.constantFrom(200, 204, 301, 302, 303, 307, 308, 404, 405, 500),
  fc.integer({ min: -5, max: 1000 }),
);
const response = fc.record({ url, status, headers });

const exchange: fc.Arbitrary<Exchange> = fc.record(
  {
    origin: fc.oneof(fc.constantFrom('http://localhost:5173', 'null'), fc.string({ maxLength: 20 })),
    request: fc.record(
      {
        url,
        method: fc.oneof(
          fc.constantFrom('GET', 'post', 'PUT', 'patch', 'DELETE', 'OPTIONS'),
          fc.string({ maxLength: 8 }),
        ),
        headers,
        credentials: fc.constantFrom('omit', 'same-origin', 'include'),
        mode: fc.constantFrom('cors', 'no-cors', 'same-origin', 'navigate'),
        useCorsPreflight: fc.boolean(),
      },
      { requiredKeys: ['url', 'method', 'headers', 'credentials'] },
    ),
    preflight: fc.record(
      { status, headers, location: fc.oneof(url, fc.constant('')) },
      { requiredKeys: ['status', 'headers'] },
    ),
    responses: fc.array(response, { maxLength: 4 }),
  },
  { requiredKeys: ['origin', 'request', 'responses'] },
);

describe('evaluate never throws and is well-formed', () => {
  it('holds for arbitrary exchanges', () => {
    fc.assert(
      fc.property(exchange, (e) => {
        const v = evaluate(e);
        // allowed xor (blocked with a CorsError or an explanation)
        if (v.allowed) {
          expect(v.corsError).toBeUndefined();
          expect(v.failedParameter).toBeUndefined();
        } else {
          expect(v.corsError !== undefined || v.explanation.length > 0).toBe(true);
          expect(v.exposedHeaders).toEqual([]);
        }
        expect(typeof v.explanation).toBe('string');
        expect(v.explanation.length).toBeGreaterThan(0);
        if (v.corsError !== undefined) {
          expect(typeof v.failedParameter).toBe('string');
          expect(v.mdn).toMatch(/^https:\/\/developer\.mozilla\.org\//);
        }
        // exposed headers: lower-case, sorted, unique, never Set-Cookie
        const sorted = [...new Set(v.exposedHeaders)].sort();
        expect(v.exposedHeaders).toEqual(sorted);
        for (const h of v.exposedHeaders) {
          expect(h).toBe(h.toLowerCase());
          expect(h === 'set-cookie' || h === 'set-cookie2').toBe(false);
        }
        expect(v.preflightRequired || v.preflightReasons.length === 0).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the Firefox engine beside the Chromium one', () => {
  it('Firefox never lets through what Chromium refuses (it preflights no less often and its checks pass no more)', () => {
    fc.assert(
      fc.property(exchange, (e) => {
        if (firefoxOutcome(e).kind === 'allowed') expect(evaluate(e).allowed).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('a verdict in Firefox is blocked exactly when Firefox refuses, or Chromium’s is and Firefox did not decide', () => {
    fc.assert(
      fc.property(exchange, (e) => {
        const outcome = firefoxOutcome(e);
        const v = evaluateInFirefox(e);
        if (outcome.kind === 'refused') {
          expect(v.allowed).toBe(false);
          expect(v.firefoxReason).toBe(outcome.refusal.reason);
          expect(v.firefoxDetail).toBe(outcome.refusal.detail);
          expect(v.mdn).toBe(
            `https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/${v.firefoxReason}`,
          );
        } else {
          expect(v).toEqual(evaluate(e));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
