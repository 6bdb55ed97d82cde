import { describe, expect, it } from 'vitest';
import { evaluateObserved } from '../../../src/core/cors/evaluate-observed';
import type { Exchange, HeaderList } from '../../../src/core/cors/types';

const PAGE = 'http://localhost:5173';
const API = 'http://127.0.0.1:8081/api';

function observed(responseHeaders: HeaderList, credentials: Exchange['request']['credentials']): Exchange {
  return {
    origin: PAGE,
    request: { url: API, method: 'GET', headers: [], credentials },
    responses: [{ url: API, status: 200, headers: responseHeaders }],
  };
}

describe('evaluateObserved: the browser’s refusal reveals a credentialed request (Fetch §4.10 CORS check)', () => {
  it('ACAO * refused by the browser: the request was credentialed → WildcardOriginNotAllowed, with a note', () => {
    const v = evaluateObserved(observed([['Access-Control-Allow-Origin', '*']], 'same-origin'), true);
    expect(v.allowed).toBe(false);
    expect(v.corsError).toBe('WildcardOriginNotAllowed');
    expect(v.notes?.at(-1)).toContain('credentialed');
  });

  it('ACAO = origin without ACAC refused: InvalidAllowCredentials', () => {
    const v = evaluateObserved(observed([['Access-Control-Allow-Origin', PAGE]], 'same-origin'), true);
    expect(v.corsError).toBe('InvalidAllowCredentials');
  });

  it('not refused: the plain verdict (allowed)', () => {
    const v = evaluateObserved(observed([['Access-Control-Allow-Origin', '*']], 'same-origin'), false);
    expect(v.allowed).toBe(true);
    expect(v.notes).toBeUndefined();
  });

  it('refused although a credentialed request would pass too: the plain verdict, no guess', () => {
    const headers: HeaderList = [
      ['Access-Control-Allow-Origin', PAGE],
      ['Access-Control-Allow-Credentials', 'true'],
    ];
    const v = evaluateObserved(observed(headers, 'same-origin'), true);
    expect(v.allowed).toBe(true);
    expect(v.corsError).toBeUndefined();
  });

  it('already blocked, or known to be credentialed: the plain verdict', () => {
    expect(evaluateObserved(observed([], 'same-origin'), true).corsError).toBe('MissingAllowOriginHeader');
    const v = evaluateObserved(observed([['Access-Control-Allow-Origin', '*']], 'include'), true);
    expect(v.corsError).toBe('WildcardOriginNotAllowed');
    expect(v.notes).toBeUndefined();
  });
});

describe('evaluateObserved when the browser does not show its refusals (Firefox, simple requests)', () => {
  it('gives both verdicts when the credentials mode decides, never a confident "allowed"', () => {
    const v = evaluateObserved(observed([['Access-Control-Allow-Origin', '*']], 'same-origin'), undefined);
    expect(v.allowed).toBe(true);
    expect(v.ifCredentialed?.allowed).toBe(false);
    expect(v.ifCredentialed?.corsError).toBe('WildcardOriginNotAllowed');
    expect(v.notes?.some((n) => n.includes('unknown'))).toBe(true);
  });

  it('is plain when the credentials mode changes nothing', () => {
    const headers: [string, string][] = [
      ['Access-Control-Allow-Origin', PAGE],
      ['Access-Control-Allow-Credentials', 'true'],
    ];
    const v = evaluateObserved(observed(headers, 'same-origin'), undefined);
    expect(v.allowed).toBe(true);
    expect(v.ifCredentialed).toBeUndefined();
    expect(evaluateObserved(observed([], 'same-origin'), undefined).corsError).toBe(
      'MissingAllowOriginHeader',
    );
  });

  it('is plain when credentials were seen (a cookie went with the request)', () => {
    const v = evaluateObserved(observed([['Access-Control-Allow-Origin', '*']], 'include'), undefined);
    expect(v.allowed).toBe(false);
    expect(v.ifCredentialed).toBeUndefined();
  });
});
