import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/cors/evaluate';
import { needsPreflight } from '../../../src/core/cors/needs-preflight';
import type { Exchange } from '../../../src/core/cors/types';
import { toEngineExchange } from '../../../src/core/exchange/to-engine-exchange';
import { record } from '../exchange/record';

const PAGE = 'http://localhost:5173';
const API = 'http://127.0.0.1:8081/api';
const ACAO = 'Access-Control-Allow-Origin';

// XMLHttpRequest §send(): an upload listener registered before send() sets the upload listener flag, and Fetch §4.1
// main fetch then preflights whatever the method and headers (the request's use-CORS-preflight flag).
describe("Fetch's use-CORS-preflight flag", () => {
  it('needsPreflight: the flag alone requires a preflight, listed first among the reasons', () => {
    expect(needsPreflight({ method: 'POST', headers: [], useCorsPreflight: true })).toEqual({
      required: true,
      reasons: [{ kind: 'upload-listener' }],
    });
    expect(needsPreflight({ method: 'PUT', headers: [], useCorsPreflight: true }).reasons).toEqual([
      { kind: 'upload-listener' },
      { kind: 'method', method: 'PUT' },
    ]);
    expect(needsPreflight({ method: 'POST', headers: [] }).required).toBe(false);
  });

  const simplePost = (
    preflight?: Exchange['preflight'],
    responses: Exchange['responses'] = [],
  ): Exchange => ({
    origin: PAGE,
    request: { url: API, method: 'POST', headers: [], credentials: 'same-origin', useCorsPreflight: true },
    ...(preflight ? { preflight } : {}),
    responses,
  });

  it('evaluate: a simple POST with the flag is judged on its preflight', () => {
    const refused = evaluate(simplePost({ status: 204, headers: [] }));
    expect(refused).toMatchObject({
      allowed: false,
      preflightRequired: true,
      corsError: 'PreflightMissingAllowOriginHeader',
      stage: { kind: 'preflight' },
      preflightReasons: [{ kind: 'upload-listener' }],
    });
    const passed = evaluate(
      simplePost({ status: 204, headers: [[ACAO, PAGE]] }, [
        { url: API, status: 200, headers: [[ACAO, PAGE]] },
      ]),
    );
    expect(passed).toMatchObject({ allowed: true, preflightRequired: true });
  });

  it('toEngineExchange: the page hook’s upload listener sets the flag; without it the flag is absent', () => {
    const call = { api: 'xhr' as const, credentials: 'same-origin' as const, mode: 'cors' as const };
    expect(
      toEngineExchange(record('1', 1, { page: { ...call, uploadListeners: true } })).request,
    ).toMatchObject({
      useCorsPreflight: true,
    });
    expect(toEngineExchange(record('1', 1, { page: call })).request.useCorsPreflight).toBeUndefined();
  });
});
