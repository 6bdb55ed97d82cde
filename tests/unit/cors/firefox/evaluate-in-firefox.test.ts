import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../src/core/cors/evaluate';
import { evaluateObserved } from '../../../../src/core/cors/evaluate-observed';
import { evaluateInFirefox } from '../../../../src/core/cors/firefox/evaluate-in-firefox';
import type { Exchange, HeaderList, Verdict } from '../../../../src/core/cors/types';

const PAGE = 'http://localhost:5173';
const API = 'http://127.0.0.1:8081/api';
const OTHER = 'http://127.0.0.1:8082/api';
const ACAO = 'Access-Control-Allow-Origin';
const ACAM = 'Access-Control-Allow-Methods';
const ACAH = 'Access-Control-Allow-Headers';

function ex(
  request: Partial<Exchange['request']>,
  responses: Exchange['responses'],
  more: Partial<Exchange> = {},
): Exchange {
  return {
    origin: PAGE,
    request: { url: API, method: 'GET', headers: [], credentials: 'same-origin', ...request },
    responses,
    ...more,
  };
}
const ok = (headers: HeaderList, url = API) => ({ url, status: 200, headers });
const hop = (to: string, headers: HeaderList = [[ACAO, PAGE]], url = API) => ({
  url,
  status: 302,
  headers: [...headers, ['Location', to]] as HeaderList,
});

// Each row is an exchange as CORS Lens observes it in Firefox, and what Firefox 153 logs for it (the words measured
// by tests/differential/differential-firefox.test.ts).
describe('evaluateInFirefox: Firefox’s decision and words', () => {
  const rows: [string, Exchange, Partial<Verdict>][] = [
    ['a passing simple request', ex({}, [ok([[ACAO, PAGE]])]), { allowed: true }],
    [
      'a redirected preflight with no ACAO: the missing header is what Firefox names',
      ex({ method: 'PUT' }, [], {
        preflight: { status: 301, headers: [['Location', '/x']], location: '/x' },
      }),
      {
        allowed: false,
        firefoxReason: 'CORSMissingAllowOrigin',
        corsError: 'PreflightMissingAllowOriginHeader',
        status: 301,
        stage: { kind: 'preflight' },
      },
    ],
    [
      'the first missing header in sorted order, named in the verdict’s failed parameter too',
      ex(
        {
          method: 'PUT',
          headers: [
            ['X-Zeta', '1'],
            ['X-Alpha', '2'],
          ],
        },
        [],
        {
          preflight: {
            status: 204,
            headers: [
              [ACAO, PAGE],
              [ACAM, 'PUT'],
            ],
          },
        },
      ),
      {
        firefoxReason: 'CORSMissingAllowHeaderFromPreflight',
        firefoxDetail: 'x-alpha',
        corsError: 'HeaderDisallowedByPreflightResponse',
        failedParameter: 'x-alpha',
      },
    ],
    [
      'a redirect to a URL with credentials: "did not succeed", at the URL that redirected',
      ex({}, [hop('http://u:p@127.0.0.1:8082/api')]),
      { allowed: false, firefoxReason: 'CORSDidNotSucceed', corsError: 'RedirectContainsCredentials' },
    ],
    [
      'a redirect to data: — "did not succeed"',
      ex({}, [hop('data:,x')]),
      { allowed: false, firefoxReason: 'CORSDidNotSucceed' },
    ],
    [
      'a bad ACAO on the redirect itself is named, quoting it',
      ex({}, [hop(OTHER, [[ACAO, 'http://other.test']]), ok([[ACAO, '*']], OTHER)]),
      {
        firefoxReason: 'CORSAllowOriginNotMatchingOrigin',
        firefoxDetail: 'http://other.test',
        stage: { kind: 'redirect', hop: 0 },
      },
    ],
    [
      'cross-origin onwards, the origin is null: the page’s origin no longer matches',
      ex({}, [hop(OTHER), ok([[ACAO, PAGE]], OTHER)]),
      { firefoxReason: 'CORSAllowOriginNotMatchingOrigin', firefoxDetail: PAGE, checkedOrigin: 'null' },
    ],
    ['… and `null` does', ex({}, [hop(OTHER), ok([[ACAO, 'null']], OTHER)]), { allowed: true }],
    [
      'an upload listener’s forced preflight is judged',
      ex({ method: 'POST', useCorsPreflight: true }, [], { preflight: { status: 204, headers: [] } }),
      {
        allowed: false,
        firefoxReason: 'CORSMissingAllowOrigin',
        preflightReasons: [{ kind: 'upload-listener' }],
      },
    ],
    [
      'a network error: Firefox logs "did not succeed" though CORS was not the cause',
      ex({}, [], { networkError: 'NS_ERROR_NET_RESET' }),
      { allowed: false, stage: { kind: 'actual' }, firefoxReason: 'CORSDidNotSucceed' },
    ],
    [
      'a redirect to itself, followed until Firefox gave up (the last redirect is the response seen): "did not succeed"',
      ex(
        { method: 'POST' },
        Array.from({ length: 21 }, () => hop(API)),
      ),
      { allowed: false, firefoxReason: 'CORSDidNotSucceed' },
    ],
    [
      'Local Network Access: "did not succeed"',
      ex({}, [], { networkError: 'NS_ERROR_LOCAL_NETWORK_ACCESS_DENIED' }),
      { allowed: false, corsError: 'LocalNetworkAccessPermissionDenied', firefoxReason: 'CORSDidNotSucceed' },
    ],
  ];
  it.each(rows)('%s', (_, exchange, expected) => {
    expect(evaluateInFirefox(exchange)).toMatchObject(expected);
  });

  it('a network error is no CORS failure, whatever Firefox logs; a cancelled request logs nothing', () => {
    expect(evaluateInFirefox(ex({}, [], { networkError: 'NS_ERROR_NET_RESET' })).corsError).toBeUndefined();
    expect(
      evaluateInFirefox(ex({}, [], { networkError: 'NS_BINDING_ABORTED' })).firefoxReason,
    ).toBeUndefined();
  });

  it('where Chromium names another failure, the verdict is Firefox’s and a note gives Chromium’s', () => {
    const exchange = ex({ method: 'PUT' }, [], {
      preflight: {
        status: 204,
        headers: [
          [ACAO, PAGE],
          [ACAM, 'DELETE'],
          [ACAH, 'a b'],
        ],
      },
    });
    expect(evaluate(exchange)).toMatchObject({ corsError: 'InvalidAllowHeadersPreflightResponse' });
    const verdict = evaluateInFirefox(exchange);
    expect(verdict).toMatchObject({
      firefoxReason: 'CORSMethodNotFound',
      corsError: 'MethodDisallowedByPreflightResponse',
      failedParameter: 'PUT',
      mdn: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMethodNotFound',
    });
    expect(verdict.notes?.join(' ')).toContain(
      'Chromium refuses this exchange with InvalidAllowHeadersPreflightResponse',
    );
  });

  it('where Firefox refuses what Chromium allows, Chromium’s verdict says so', () => {
    // Device-Memory is a client hint Chromium safelists; Firefox preflights it.
    const exchange = ex({ headers: [['Device-Memory', '8']] }, [ok([[ACAO, PAGE]])], {
      preflight: { status: 204, headers: [[ACAO, PAGE]] },
    });
    expect(evaluateInFirefox(exchange)).toMatchObject({
      allowed: false,
      firefoxReason: 'CORSMissingAllowHeaderFromPreflight',
      firefoxDetail: 'device-memory',
    });
    expect(evaluateInFirefox(exchange).notes).toContain(
      'Chromium allows this exchange: Firefox checks in its own order and words.',
    );
    const chromium = evaluate(exchange);
    expect(chromium.allowed).toBe(true);
    expect(chromium.notes?.join(' ')).toContain(
      'Firefox refuses this exchange (console: CORSMissingAllowHeaderFromPreflight ‘device-memory’)',
    );
  });

  it('a joined Access-Control-Allow-Origin line gives both reasons and says why', () => {
    const verdict = evaluateInFirefox(ex({}, [ok([[ACAO, `${PAGE}, ${PAGE}`]])]));
    expect(verdict).toMatchObject({
      firefoxReason: 'CORSMultipleAllowOriginNotAllowed',
      firefoxAlternative: { reason: 'CORSAllowOriginNotMatchingOrigin', detail: `${PAGE}, ${PAGE}` },
    });
    expect(verdict.notes?.join(' ')).toContain('cannot be told');
  });

  it('evaluateObserved in Firefox: both verdicts in Firefox’s words when the credentials mode is unknown', () => {
    const verdict = evaluateObserved(ex({}, [ok([[ACAO, '*']])]), undefined, 'firefox');
    expect(verdict.allowed).toBe(true);
    expect(verdict.ifCredentialed).toMatchObject({
      allowed: false,
      firefoxReason: 'CORSNotSupportingCredentials',
    });
  });
});
