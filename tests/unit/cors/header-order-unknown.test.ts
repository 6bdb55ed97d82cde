// A request its preflight kept unsent: CORS Lens knows its unsafe header names only from Access-Control-Request-Headers
// (sorted), and Chromium names the first one not allowed in an order of its own (Blink's header map, measured: the
// same set of names in any order the script sets them is always checked in one order). When several are not allowed,
// the verdict says which one Chromium names cannot be known, and lists them all.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/cors';
import type { Exchange } from '../../../src/core/cors/types';

const PAGE = 'http://localhost:5173';
const unsent = (allowHeaders: string, headerOrderUnknown = true): Exchange => ({
  origin: PAGE,
  request: {
    url: 'http://127.0.0.1:8081/api',
    method: 'PUT',
    headers: [
      ['authorization', '(not sent)'],
      ['content-type', '(not sent)'],
      ['x-trace', '(not sent)'],
    ],
    credentials: 'same-origin',
    mode: 'cors',
    ...(headerOrderUnknown ? { headerOrderUnknown } : {}),
  },
  preflight: {
    status: 204,
    headers: [
      ['Access-Control-Allow-Origin', PAGE],
      ['Access-Control-Allow-Methods', 'PUT'],
      ['Access-Control-Allow-Headers', allowHeaders],
    ],
  },
  responses: [],
});

describe('HeaderDisallowedByPreflightResponse on a request that was never sent', () => {
  it('several headers not allowed: all of them, the first as failedParameter, and a note why', () => {
    const verdict = evaluate(unsent('x-trace'));
    expect(verdict).toMatchObject({
      corsError: 'HeaderDisallowedByPreflightResponse',
      failedParameter: 'authorization',
      failedParameterAmong: ['authorization', 'content-type'],
    });
    expect(verdict.notes?.join(' ')).toMatch(/`authorization`, `content-type`.*cannot see/);
  });

  it('one header not allowed: that one, certainly', () => {
    const verdict = evaluate(unsent('authorization, x-trace'));
    expect(verdict).toMatchObject({ failedParameter: 'content-type' });
    expect(verdict.failedParameterAmong).toBeUndefined();
  });

  it('a request whose headers were seen on the wire: their order decides, nothing is uncertain', () => {
    const verdict = evaluate(unsent('x-trace', false));
    expect(verdict.failedParameter).toBe('authorization');
    expect(verdict.failedParameterAmong).toBeUndefined();
  });
});
