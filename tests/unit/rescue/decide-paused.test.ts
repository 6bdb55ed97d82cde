// What CORS Lens does with each request the DevTools protocol pauses: only a CORS preflight of a rule that answers
// preflights, from that rule's page origin, to its target, is ever touched, and only when the server refused it.
import { describe, expect, it } from 'vitest';
import { decidePaused, type PausedRequest } from '../../../src/core/rescue/decide-paused';
import { fetchPatternFor } from '../../../src/core/rescue/fetch-pattern-for';
import { rescuePlan } from '../../../src/core/rescue/rescue-plan';
import { preflightAnswerFor } from '../../../src/core/rules/preflight-answer-for';
import { rule } from '../rules/fixtures';

const PAGE = 'http://localhost:5173';
const API = 'http://127.0.0.1:8081';
const rescuing = rule({ answerPreflights: true, target: { origin: API, pathPrefix: '/api/' } });
const preflight = (over: Partial<PausedRequest> = {}): PausedRequest => ({
  method: 'OPTIONS',
  url: `${API}/api/items?x=1`,
  headers: { Origin: PAGE, 'Access-Control-Request-Method': 'PUT', Accept: '*/*' },
  ...over,
});
const CONTINUE = { kind: 'continue' };
const TO_SERVER_FIRST = { kind: 'continue', interceptResponse: true };

describe('decidePaused, at the request stage', () => {
  it('sends a rescued preflight to the server, to be paused again with its answer', () => {
    expect(decidePaused(preflight(), [rescuing])).toEqual(TO_SERVER_FIRST);
  });

  it.each<[string, PausedRequest]>([
    ['the actual request', preflight({ method: 'PUT', headers: { Origin: PAGE } })],
    ['a GET', preflight({ method: 'GET', headers: {} })],
    ["a script's own OPTIONS (no Access-Control-Request-Method)", preflight({ headers: { Origin: PAGE } })],
    [
      'a preflight from another page origin',
      preflight({ headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'PUT' } }),
    ],
    ['a preflight without Origin', preflight({ headers: { 'Access-Control-Request-Method': 'PUT' } })],
    ['a preflight outside the target path', preflight({ url: `${API}/other` })],
    ['a preflight to another port', preflight({ url: 'http://127.0.0.1:8082/api/items' })],
    ['a lowercase method name (not a preflight)', preflight({ method: 'options' })],
  ])('leaves %s alone', (_, paused) => {
    expect(decidePaused(paused, [rescuing])).toEqual(CONTINUE);
  });

  it('reads header names in any case', () => {
    const paused = preflight({ headers: { origin: PAGE, 'access-control-request-method': 'PUT' } });
    expect(decidePaused(paused, [rescuing])).toEqual(TO_SERVER_FIRST);
  });

  it('needs a rule that answers preflights: a plain override leaves every preflight to the server', () => {
    const plain = rule({ target: { origin: API, pathPrefix: '/api/' } });
    expect(decidePaused(preflight(), [plain])).toEqual(CONTINUE);
    expect(decidePaused(preflight({ responseStatusCode: 401 }), [plain])).toEqual(CONTINUE);
    expect(decidePaused(preflight(), [])).toEqual(CONTINUE);
  });
});

describe('decidePaused, at the response stage', () => {
  it.each([401, 403, 404, 405, 500, 502, 301, 302, 307, 308, 304, 100, 199, 300, 600])(
    'answers a preflight the server refused with %i: 204 and the rule’s headers',
    (status) => {
      expect(decidePaused(preflight({ responseStatusCode: status }), [rescuing])).toEqual({
        kind: 'fulfill',
        rule: rescuing,
        answer: preflightAnswerFor(rescuing),
      });
    },
  );

  it.each([200, 204, 206, 299])('passes on an ok status (%i): the DNR rule set the headers', (status) => {
    expect(decidePaused(preflight({ responseStatusCode: status }), [rescuing])).toEqual(CONTINUE);
  });

  it('passes on a network error: the actual request would fail the same way', () => {
    const paused = preflight({ responseErrorReason: 'ConnectionRefused' });
    expect(decidePaused(paused, [rescuing])).toEqual(CONTINUE);
  });

  it('answers with the first matching rule that answers preflights', () => {
    const other = rule({ id: 'r2', pageOrigin: 'http://localhost:3000', answerPreflights: true });
    const wide = rule({ id: 'r3', answerPreflights: true, target: { origin: API, pathPrefix: '/' } });
    const action = decidePaused(preflight({ responseStatusCode: 404 }), [other, rescuing, wide]);
    expect(action.kind === 'fulfill' && action.rule.id).toBe('r1');
  });
});

describe('fetchPatternFor and rescuePlan', () => {
  it.each([
    [{ origin: API, pathPrefix: '/' }, 'http://127.0.0.1:8081/*'],
    [{ origin: 'https://api.test', pathPrefix: '/v1/' }, 'https://api.test/v1/*'],
    [{ origin: 'https://api.test', pathPrefix: '/a*b?c\\' }, 'https://api.test/a\\*b\\?c\\\\*'],
  ])('%j → %s', (target, pattern) => {
    expect(fetchPatternFor(target)).toBe(pattern);
  });

  it('attaches to every tab of a rescuing rule’s page origin, with its targets, and to no other tab', () => {
    const second = rule({
      id: 'r2',
      answerPreflights: true,
      target: { origin: 'http://127.0.0.1:8082', pathPrefix: '/' },
    });
    const plain = rule({ id: 'r3', pageOrigin: 'http://localhost:3000' });
    const plan = rescuePlan([rescuing, second, plain], {
      [PAGE]: [4, 9],
      'http://localhost:3000': [5],
      'http://elsewhere.test': [6],
    });
    const patterns = ['http://127.0.0.1:8081/api/*', 'http://127.0.0.1:8082/*'];
    expect(plan).toEqual(
      new Map([
        [4, patterns],
        [9, patterns],
      ]),
    );
  });

  it('no rescuing rule, or no tab of its origin: no tab at all', () => {
    expect(rescuePlan([rule()], { [PAGE]: [1] }).size).toBe(0);
    expect(rescuePlan([rescuing], {}).size).toBe(0);
    expect(rescuePlan([rescuing], { [PAGE]: [-1] }).size).toBe(0);
  });
});
