// `Access-Control-Allow-Headers: *` covering Authorization: Chromium 156 and Firefox 153 accept it, Fetch §2.2.2
// does not. Every exchange that relies on it carries the note with its one-line fix: preflight sent or cached,
// request allowed or failed later.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/cors/evaluate';
import type { Exchange, HeaderList } from '../../../src/core/cors/types';

const PAGE = 'http://localhost:5173';
const API = 'http://127.0.0.1:8081/api';
const wildcard: HeaderList = [
  ['Access-Control-Allow-Origin', PAGE],
  ['Access-Control-Allow-Methods', 'PUT'],
  ['Access-Control-Allow-Headers', '*'],
];
const allowOrigin: HeaderList = [['Access-Control-Allow-Origin', PAGE]];

function put(headers: HeaderList, more: Partial<Exchange>): Exchange {
  return {
    origin: PAGE,
    request: { url: API, method: 'PUT', headers, credentials: 'same-origin' },
    responses: [{ url: API, status: 200, headers: allowOrigin }],
    ...more,
  };
}

const note = (exchange: Exchange) => evaluate(exchange).notes?.find((n) => n.includes('Authorization'));

describe('the * / Authorization note', () => {
  it('names the one-line fix with every unsafe header of the request', () => {
    const text = note(
      put(
        [
          ['Authorization', 'Bearer t'],
          ['Content-Type', 'application/json'],
        ],
        { preflight: { status: 204, headers: wildcard } },
      ),
    );
    expect(text).toContain('List `Authorization` by name');
    expect(text).toContain('One-line fix: `Access-Control-Allow-Headers: authorization, content-type`');
  });

  it('stays on a request that passed its preflight but failed later', () => {
    const verdict = evaluate(
      put([['Authorization', 'Bearer t']], {
        preflight: { status: 204, headers: wildcard },
        responses: [{ url: API, status: 200, headers: [] }],
      }),
    );
    expect(verdict).toMatchObject({ corsError: 'MissingAllowOriginHeader', wildcardAuthorization: true });
    expect(verdict.notes?.join(' ')).toContain('Access-Control-Allow-Headers: authorization`');
  });

  it('is shown for a request sent on a cached preflight that relied on *', () => {
    const verdict = evaluate(
      put([['Authorization', 'Bearer t']], { cachedPreflight: { headers: wildcard } }),
    );
    expect(verdict).toMatchObject({ allowed: true, wildcardAuthorization: true });
    expect(verdict.explanation).toContain('preflight cache');
    expect(verdict.notes?.join(' ')).toContain('One-line fix');
  });

  it('is absent when Authorization is named, or the cached preflight was not seen', () => {
    const named: HeaderList = [...wildcard.slice(0, 2), ['Access-Control-Allow-Headers', '*, Authorization']];
    expect(note(put([['Authorization', 'Bearer t']], { preflight: { status: 204, headers: named } }))).toBe(
      undefined,
    );
    expect(note(put([['Authorization', 'Bearer t']], {}))).toBeUndefined();
  });
});
