// Override awareness: which rule applied to an exchange, and the exchange as the page saw it under that rule.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/cors';
import { applyHeaderOperations } from '../../../src/core/exchange/apply-header-operations';
import { overrideFor, overrideLabel } from '../../../src/core/exchange/override-for';
import { toEngineExchange } from '../../../src/core/exchange/to-engine-exchange';
import type { ExchangeRecord } from '../../../src/core/exchange/types';
import { withOverride } from '../../../src/core/exchange/with-override';
import { defaultRuleFor } from '../../../src/core/rules';

const PAGE = 'http://localhost:5173';
const API = 'http://api.test:8080';

const rule = (pageOrigin = PAGE, origin = API, pathPrefix = '/') =>
  defaultRuleFor({ pageOrigin, target: { origin, pathPrefix } }, 0, 'r1', 'pinned');

/** A blocked simple GET: the server sent no Access-Control-Allow-Origin. */
const blockedGet: ExchangeRecord = {
  id: '1:1',
  seq: 1,
  tabId: 1,
  pageOrigin: PAGE,
  type: 'xmlhttprequest',
  request: {
    method: 'GET',
    url: `${API}/v1/items`,
    headers: [['Origin', PAGE]],
    authorHeaders: [],
    credentials: 'omit-or-same-origin',
  },
  hops: [],
  response: { url: `${API}/v1/items`, status: 200, headers: [['Content-Type', 'application/json']], time: 2 },
  outcome: 'completed',
  startedAt: 1,
  endedAt: 2,
};

describe('applyHeaderOperations (DNR modifyHeaders on response headers)', () => {
  it.each([
    [
      'set replaces every header of the name',
      [
        ['ACAO', 'a'],
        ['acao', 'b'],
      ],
      { header: 'acao', operation: 'set', value: 'c' },
      [['acao', 'c']],
    ],
    [
      'set adds a missing header',
      [['X', '1']],
      { header: 'acao', operation: 'set', value: 'c' },
      [
        ['X', '1'],
        ['acao', 'c'],
      ],
    ],
    [
      'remove drops them all',
      [
        ['ACAH', 'x'],
        ['X', '1'],
      ],
      { header: 'acah', operation: 'remove' },
      [['X', '1']],
    ],
    [
      'append adds one more',
      [['acao', 'a']],
      { header: 'acao', operation: 'append', value: 'b' },
      [
        ['acao', 'a'],
        ['acao', 'b'],
      ],
    ],
  ] as const)('%s', (_, headers, op, expected) => {
    expect(
      applyHeaderOperations(
        headers.map(([n, v]) => [n, v]),
        [op],
      ),
    ).toEqual(expected);
  });
});

describe('overrideFor', () => {
  it('finds the rule for the page origin whose target prefix the URL starts with', () => {
    expect(overrideFor(blockedGet, [rule()])?.id).toBe('r1');
    expect(overrideFor(blockedGet, [rule(PAGE, API, '/v1/')])?.id).toBe('r1');
  });
  it('ignores a rule for another page origin, another port, or another path', () => {
    expect(overrideFor(blockedGet, [rule('http://localhost:3000')])).toBeUndefined();
    expect(overrideFor(blockedGet, [rule(PAGE, 'http://api.test:8081')])).toBeUndefined();
    expect(overrideFor(blockedGet, [rule(PAGE, API, '/v2/')])).toBeUndefined();
  });
  it('labels the rule by hosts', () => {
    expect(overrideLabel(rule())).toBe('localhost:5173 → api.test:8080');
    expect(overrideLabel(rule(PAGE, API, '/v1/'))).toBe('localhost:5173 → api.test:8080/v1/');
  });
});

describe('withOverride', () => {
  it('turns a response blocked by the server into the allowed one the page saw, leaving the original intact', () => {
    const effective = withOverride(blockedGet, rule());
    expect(evaluate(toEngineExchange(blockedGet)).allowed).toBe(false);
    expect(evaluate(toEngineExchange(effective)).allowed).toBe(true);
    expect(blockedGet.response?.headers).toEqual([['Content-Type', 'application/json']]);
  });
  it('rewrites the preflight response too, but not its status', () => {
    const put: ExchangeRecord = {
      ...blockedGet,
      request: { ...blockedGet.request, method: 'PUT' },
      preflight: {
        requestId: 'p',
        request: { headers: [['Access-Control-Request-Method', 'PUT']], time: 1 },
        response: { status: 405, headers: [], time: 2 },
      },
    };
    const effective = withOverride(put, rule());
    expect(effective.preflight?.response?.status).toBe(405);
    expect(effective.preflight?.response?.headers).toContainEqual(['access-control-allow-origin', PAGE]);
  });
});
