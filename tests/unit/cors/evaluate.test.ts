import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/cors/evaluate';
import { mdnPageFor } from '../../../src/core/cors/mdn-page-for';
import type {
  CredentialsMode,
  Exchange,
  HeaderList,
  RequestMode,
  Verdict,
} from '../../../src/core/cors/types';

const PAGE = 'http://localhost:5173';
const API = 'http://127.0.0.1:8081/api';
const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';
const ACAM = 'Access-Control-Allow-Methods';
const ACAH = 'Access-Control-Allow-Headers';

interface Row {
  name: string;
  exchange: Exchange;
  expect: Partial<Verdict>;
}

function ex(
  request: {
    method?: string;
    headers?: HeaderList;
    credentials?: CredentialsMode;
    mode?: RequestMode;
    url?: string;
  },
  responses: Exchange['responses'],
  preflight?: Exchange['preflight'],
): Exchange {
  const e: Exchange = {
    origin: PAGE,
    request: {
      url: request.url ?? API,
      method: request.method ?? 'GET',
      headers: request.headers ?? [],
      credentials: request.credentials ?? 'same-origin',
      ...(request.mode === undefined ? {} : { mode: request.mode }),
    },
    responses,
  };
  if (preflight !== undefined) e.preflight = preflight;
  return e;
}
const ok = (headers: HeaderList, url = API) => ({ url, status: 200, headers });
const hop = (to: string, headers: HeaderList, status = 302, url = API) => ({
  url,
  status,
  headers: [...headers, ['Location', to]] as HeaderList,
});
const okPreflight = (extra: HeaderList = []) => ({
  status: 204,
  headers: [[ACAO, PAGE], ...extra] as HeaderList,
});

// End-to-end rows: one or more per CorsError evaluate() can produce, plus the allowed paths.
const rows: Row[] = [
  // --- allowed
  {
    name: 'Fetch §4.10: simple GET with matching ACAO',
    exchange: ex({}, [
      ok([
        [ACAO, PAGE],
        ['Content-Type', 'text/plain'],
      ]),
    ]),
    expect: { allowed: true, preflightRequired: false, exposedHeaders: ['content-type'] },
  },
  {
    name: 'Fetch §4.10: simple GET with *',
    exchange: ex({}, [ok([[ACAO, '*']])]),
    expect: { allowed: true },
  },
  {
    name: 'Fetch §4.1: same-origin request, CORS does not apply',
    exchange: ex({ url: `${PAGE}/x` }, [
      ok(
        [
          ['X-A', '1'],
          ['Set-Cookie', 'a'],
        ],
        `${PAGE}/x`,
      ),
    ]),
    expect: { allowed: true, exposedHeaders: ['x-a'], responseTainting: 'basic' },
  },
  {
    name: 'Fetch §4.8: preflighted PUT passes',
    exchange: ex(
      { method: 'PUT', headers: [['Content-Type', 'application/json']] },
      [ok([[ACAO, PAGE]])],
      okPreflight([
        [ACAM, 'PUT'],
        [ACAH, 'content-type'],
      ]),
    ),
    expect: { allowed: true, preflightRequired: true },
  },
  {
    name: 'Fetch §4.8: preflight cache answered (no OPTIONS seen, actual response present)',
    exchange: ex({ method: 'DELETE' }, [ok([[ACAO, PAGE]])]),
    expect: { allowed: true, preflightRequired: true },
  },
  {
    name: 'Fetch §4.1: no-cors is opaque, not a CORS failure',
    exchange: ex({ mode: 'no-cors' }, [ok([['X-A', '1']])]),
    expect: { allowed: true, exposedHeaders: [], responseTainting: 'opaque', preflightRequired: false },
  },
  {
    name: 'Fetch §3.2.5: credentials with exact origin and ACAC true',
    exchange: ex({ credentials: 'include' }, [
      ok([
        [ACAO, PAGE],
        [ACAC, 'true'],
      ]),
    ]),
    expect: { allowed: true },
  },
  {
    name: 'Fetch §4.4: cross-origin redirect chain passes with ACAO null after taint',
    exchange: ex({}, [hop('http://c.test/y', [[ACAO, PAGE]]), ok([[ACAO, 'null']], 'http://c.test/y')]),
    expect: { allowed: true, checkedOrigin: 'null' },
  },
  {
    name: 'Fetch §4.4: 303 turns PUT into GET, no second preflight needed',
    exchange: ex(
      { method: 'PUT' },
      [hop(`${API}/2`, [[ACAO, PAGE]], 303), ok([[ACAO, PAGE]], `${API}/2`)],
      okPreflight([[ACAM, 'PUT']]),
    ),
    expect: { allowed: true, preflightRequired: true },
  },
  // --- actual-response CORS check (Fetch §4.10)
  {
    name: 'MissingAllowOriginHeader',
    exchange: ex({}, [ok([])]),
    expect: {
      allowed: false,
      corsError: 'MissingAllowOriginHeader',
      failedParameter: '',
      stage: { kind: 'actual' },
      firefoxReason: 'CORSMissingAllowOrigin',
      header: 'access-control-allow-origin',
    },
  },
  {
    name: 'WildcardOriginNotAllowed',
    exchange: ex({ credentials: 'include' }, [
      ok([
        [ACAO, '*'],
        [ACAC, 'true'],
      ]),
    ]),
    expect: {
      corsError: 'WildcardOriginNotAllowed',
      failedParameter: '',
      firefoxReason: 'CORSNotSupportingCredentials',
    },
  },
  {
    name: 'MultipleAllowOriginValues (repeated header)',
    exchange: ex({}, [
      ok([
        [ACAO, PAGE],
        [ACAO, 'http://x.test'],
      ]),
    ]),
    expect: { corsError: 'MultipleAllowOriginValues', failedParameter: `${PAGE}, http://x.test` },
  },
  {
    name: 'MultipleAllowOriginValues (repeated identical header)',
    exchange: ex({}, [
      ok([
        [ACAO, PAGE],
        [ACAO, PAGE],
      ]),
    ]),
    expect: { corsError: 'MultipleAllowOriginValues', failedParameter: `${PAGE}, ${PAGE}` },
  },
  {
    name: 'InvalidAllowOriginValue',
    exchange: ex({}, [ok([[ACAO, 'localhost']])]),
    expect: { corsError: 'InvalidAllowOriginValue', failedParameter: 'localhost' },
  },
  {
    name: 'AllowOriginMismatch',
    exchange: ex({}, [ok([[ACAO, 'http://localhost:3000']])]),
    expect: {
      corsError: 'AllowOriginMismatch',
      failedParameter: 'http://localhost:3000',
      firefoxReason: 'CORSAllowOriginNotMatchingOrigin',
    },
  },
  {
    name: 'AllowOriginMismatch (null)',
    exchange: ex({}, [ok([[ACAO, 'null']])]),
    expect: { corsError: 'AllowOriginMismatch', failedParameter: 'null' },
  },
  {
    name: 'InvalidAllowCredentials (missing)',
    exchange: ex({ credentials: 'include' }, [ok([[ACAO, PAGE]])]),
    expect: {
      corsError: 'InvalidAllowCredentials',
      failedParameter: '',
      header: 'access-control-allow-credentials',
      firefoxReason: 'CORSMissingAllowCredentials',
    },
  },
  {
    name: 'InvalidAllowCredentials (TRUE)',
    exchange: ex({ credentials: 'include' }, [
      ok([
        [ACAO, PAGE],
        [ACAC, 'TRUE'],
      ]),
    ]),
    expect: { corsError: 'InvalidAllowCredentials', failedParameter: 'TRUE' },
  },
  // --- mode and scheme (Chromium cors_url_loader.cc StartRequest)
  {
    // Blink refuses it before the network service sees it: no corsErrorStatus (differential test)
    name: 'DisallowedByMode (cross-origin URL in same-origin mode)',
    exchange: ex({ mode: 'same-origin' }, []),
    expect: { corsError: 'DisallowedByMode', failedParameter: '', chromiumReportsCorsError: false },
  },
  {
    name: 'CorsDisabledScheme',
    exchange: ex({ url: 'ftp://127.0.0.1/file' }, []),
    expect: { corsError: 'CorsDisabledScheme', failedParameter: '' },
  },
  // --- preflight (Fetch §4.8)
  {
    name: 'PreflightMissingAllowOriginHeader beats a 405',
    exchange: ex({ method: 'PUT' }, [], { status: 405, headers: [] }),
    expect: {
      corsError: 'PreflightMissingAllowOriginHeader',
      failedParameter: '',
      stage: { kind: 'preflight' },
    },
  },
  {
    name: 'PreflightInvalidStatus once the headers are right',
    exchange: ex({ method: 'PUT' }, [], {
      status: 405,
      headers: [
        [ACAO, PAGE],
        [ACAM, 'PUT'],
      ],
    }),
    expect: {
      corsError: 'PreflightInvalidStatus',
      failedParameter: '',
      firefoxReason: 'CORSPreflightDidNotSucceed',
    },
  },
  {
    name: 'PreflightDisallowedRedirect (reported in corsErrorStatus, before any header check)',
    exchange: ex({ method: 'PUT' }, [], {
      status: 301,
      headers: [['Location', `${API}/`]],
      location: `${API}/`,
    }),
    expect: { corsError: 'PreflightDisallowedRedirect', failedParameter: '' },
  },
  {
    name: 'PreflightWildcardOriginNotAllowed',
    exchange: ex({ method: 'PUT', credentials: 'include' }, [], {
      status: 204,
      headers: [
        [ACAO, '*'],
        [ACAC, 'true'],
        [ACAM, 'PUT'],
      ],
    }),
    expect: { corsError: 'PreflightWildcardOriginNotAllowed', failedParameter: '' },
  },
  {
    name: 'PreflightMultipleAllowOriginValues',
    exchange: ex({ method: 'PUT' }, [], { status: 204, headers: [[ACAO, `${PAGE},http://x.test`]] }),
    expect: { corsError: 'PreflightMultipleAllowOriginValues', failedParameter: `${PAGE},http://x.test` },
  },
  {
    name: 'PreflightInvalidAllowOriginValue',
    exchange: ex({ method: 'PUT' }, [], { status: 204, headers: [[ACAO, '*.example.com']] }),
    expect: { corsError: 'PreflightInvalidAllowOriginValue', failedParameter: '*.example.com' },
  },
  {
    name: 'PreflightAllowOriginMismatch',
    exchange: ex({ method: 'PUT' }, [], { status: 204, headers: [[ACAO, 'https://localhost:5173']] }),
    expect: { corsError: 'PreflightAllowOriginMismatch', failedParameter: 'https://localhost:5173' },
  },
  {
    name: 'PreflightInvalidAllowCredentials',
    exchange: ex({ method: 'PUT', credentials: 'include' }, [], {
      status: 204,
      headers: [
        [ACAO, PAGE],
        [ACAC, 'yes'],
      ],
    }),
    expect: { corsError: 'PreflightInvalidAllowCredentials', failedParameter: 'yes' },
  },
  {
    name: 'InvalidAllowMethodsPreflightResponse',
    exchange: ex({ method: 'PUT' }, [], okPreflight([[ACAM, 'PUT DELETE']])),
    expect: {
      corsError: 'InvalidAllowMethodsPreflightResponse',
      failedParameter: '',
      firefoxReason: 'CORSInvalidAllowMethod',
      header: 'access-control-allow-methods',
    },
  },
  {
    name: 'InvalidAllowHeadersPreflightResponse',
    exchange: ex(
      { method: 'PUT', headers: [['X-A', '1']] },
      [],
      okPreflight([
        [ACAM, 'PUT'],
        [ACAH, 'x-a;x-b'],
      ]),
    ),
    expect: {
      corsError: 'InvalidAllowHeadersPreflightResponse',
      failedParameter: '',
      firefoxReason: 'CORSInvalidAllowHeader',
    },
  },
  {
    name: 'MethodDisallowedByPreflightResponse',
    exchange: ex({ method: 'DELETE' }, [], okPreflight([[ACAM, 'GET, PUT']])),
    expect: {
      corsError: 'MethodDisallowedByPreflightResponse',
      failedParameter: 'DELETE',
      firefoxReason: 'CORSMethodNotFound',
    },
  },
  {
    name: 'MethodDisallowedByPreflightResponse: patch vs PATCH',
    exchange: ex({ method: 'patch' }, [], okPreflight([[ACAM, 'PATCH']])),
    expect: { corsError: 'MethodDisallowedByPreflightResponse', failedParameter: 'patch' },
  },
  {
    name: 'MethodDisallowedByPreflightResponse: * with credentials',
    exchange: ex(
      { method: 'DELETE', credentials: 'include' },
      [],
      okPreflight([
        [ACAC, 'true'],
        [ACAM, '*'],
      ]),
    ),
    expect: { corsError: 'MethodDisallowedByPreflightResponse', failedParameter: 'DELETE' },
  },
  {
    name: 'HeaderDisallowedByPreflightResponse',
    exchange: ex({ headers: [['X-Token', 't']] }, [], okPreflight()),
    expect: {
      corsError: 'HeaderDisallowedByPreflightResponse',
      failedParameter: 'x-token',
      firefoxReason: 'CORSMissingAllowHeaderFromPreflight',
      header: 'access-control-allow-headers',
    },
  },
  {
    name: 'HeaderDisallowedByPreflightResponse: Authorization with * under credentials',
    exchange: ex(
      { headers: [['Authorization', 'Bearer t']], credentials: 'include' },
      [],
      okPreflight([
        [ACAH, '*'],
        ['Access-Control-Allow-Credentials', 'true'],
      ]),
    ),
    expect: { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'authorization' },
  },
  {
    name: 'HeaderDisallowedByPreflightResponse: * with credentials',
    exchange: ex(
      { headers: [['X-A', '1']], credentials: 'include' },
      [],
      okPreflight([
        [ACAC, 'true'],
        [ACAH, '*'],
      ]),
    ),
    expect: { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-a' },
  },
  // --- redirects (Fetch §4.4)
  {
    name: 'CORS check on a redirect hop',
    exchange: ex({}, [hop(`${API}/2`, []), ok([[ACAO, PAGE]], `${API}/2`)]),
    expect: { corsError: 'MissingAllowOriginHeader', stage: { kind: 'redirect', hop: 0 } },
  },
  {
    name: 'tainted origin: second cross-origin hop needs ACAO null',
    exchange: ex({}, [hop('http://c.test/y', [[ACAO, PAGE]]), ok([[ACAO, PAGE]], 'http://c.test/y')]),
    expect: {
      corsError: 'AllowOriginMismatch',
      failedParameter: PAGE,
      checkedOrigin: 'null',
      stage: { kind: 'actual' },
    },
  },
  {
    name: 'same-origin URL redirected cross-origin: no taint, CORS check from there',
    exchange: ex({ url: `${PAGE}/go` }, [hop(API, [], 302, `${PAGE}/go`), ok([[ACAO, PAGE]])]),
    expect: { allowed: true, checkedOrigin: PAGE },
  },
  {
    name: 'RedirectContainsCredentials',
    exchange: ex({}, [hop('http://user:pw@c.test/', [[ACAO, PAGE]])]),
    expect: {
      corsError: 'RedirectContainsCredentials',
      failedParameter: '',
      stage: { kind: 'redirect', hop: 0 },
    },
  },
  {
    name: 'redirect to data: (net::ERR_UNSAFE_REDIRECT, no corsErrorStatus)',
    exchange: ex({}, [hop('data:,x', [[ACAO, PAGE]])]),
    expect: { allowed: false, chromiumReportsCorsError: false },
  },
  {
    name: 'redirect to ftp: → CorsDisabledScheme',
    exchange: ex({}, [hop('ftp://c.test/x', [[ACAO, PAGE]])]),
    expect: { corsError: 'CorsDisabledScheme', stage: { kind: 'redirect', hop: 0 } },
  },
  {
    name: 'same-origin mode redirected cross-origin → DisallowedByMode',
    exchange: ex({ url: `${PAGE}/go`, mode: 'same-origin' }, [hop(API, [], 302, `${PAGE}/go`)]),
    expect: { corsError: 'DisallowedByMode', stage: { kind: 'redirect', hop: 0 } },
  },
  {
    name: 'preflight needed only after a same-origin → cross-origin redirect',
    exchange: ex({ url: `${PAGE}/go`, method: 'PUT' }, [hop(API, [], 307, `${PAGE}/go`)], {
      status: 404,
      headers: [],
    }),
    expect: {
      corsError: 'PreflightMissingAllowOriginHeader',
      preflightRequired: true,
      stage: { kind: 'preflight' },
    },
  },
  {
    // Chromium 156 and Firefox 153 let * cover Authorization (measured); Fetch §2.2.2 does not: a note says so
    name: '* covers Authorization as browsers do today, with a note on the Fetch standard',
    exchange: ex(
      { method: 'PUT', headers: [['Authorization', 'Bearer t']] },
      [{ url: API, status: 200, headers: [[ACAO, PAGE]] }],
      okPreflight([
        [ACAH, '*'],
        ['Access-Control-Allow-Methods', 'PUT'],
      ]),
    ),
    expect: { allowed: true, notes: [expect.stringContaining('List `Authorization` by name')] },
  },
  {
    // Blink FetchManager refuses a cross-origin redirect to user:pass whatever the mode (net::ERR_ABORTED)
    name: 'no-cors redirect to a URL with credentials is refused without a corsErrorStatus',
    exchange: ex({ mode: 'no-cors' }, [hop('http://u:p@c.test/x', [])]),
    expect: {
      allowed: false,
      corsError: 'RedirectContainsCredentials',
      chromiumReportsCorsError: false,
      stage: { kind: 'redirect', hop: 0 },
    },
  },
  // --- no CORS verdict possible
  {
    name: 'preflight got no response',
    exchange: ex({ method: 'PUT' }, []),
    expect: { allowed: false, corsError: undefined, stage: { kind: 'preflight' }, preflightRequired: true },
  },
  {
    name: 'simple request got no response',
    exchange: ex({}, []),
    expect: { allowed: false, corsError: undefined, stage: { kind: 'actual' } },
  },
];

describe('evaluate end to end', () => {
  it.each(rows)('$name', ({ exchange, expect: expected }) => {
    const verdict = evaluate(exchange);
    const defined = Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined));
    expect(verdict).toMatchObject(defined);
    // A row that says `corsError: undefined` means "Chromium reports no CORS error here".
    if ('corsError' in expected && expected.corsError === undefined)
      expect(verdict.corsError).toBeUndefined();
    if (verdict.corsError !== undefined) {
      expect(verdict.allowed).toBe(false);
      expect(verdict.explanation.length).toBeGreaterThan(20);
      // MDN's page for the reason Firefox logs; where Firefox logs none (a mode it refuses before any request),
      // the page that documents the Chromium error.
      expect(verdict.mdn).toBe(
        `https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/${verdict.firefoxReason ?? mdnPageFor(verdict.corsError)}`,
      );
    }
  });

  it('explanation names the header, its value and what was expected', () => {
    const verdict = evaluate(
      ex({ credentials: 'include' }, [
        ok([
          [ACAO, '*'],
          [ACAC, 'true'],
        ]),
      ]),
    );
    expect(verdict.explanation).toBe(
      "The response's Access-Control-Allow-Origin is `*`, but the request was sent with credentials; the server must answer with `http://localhost:5173` and `Access-Control-Allow-Credentials: true`.",
    );
  });

  it('preflight reasons say which method and which headers, and why', () => {
    const verdict = evaluate(
      ex(
        {
          method: 'PUT',
          headers: [
            ['Content-Type', 'application/json'],
            ['X-A', '1'],
          ],
        },
        [],
        okPreflight([[ACAM, 'PUT']]),
      ),
    );
    expect(verdict.preflightReasons).toEqual([
      { kind: 'method', method: 'PUT' },
      { kind: 'header', name: 'content-type', reason: 'content-type-essence' },
      { kind: 'header', name: 'x-a', reason: 'not-safelisted-name' },
    ]);
    expect(verdict.fix).toEqual({
      stage: 'preflight',
      headers: [['Access-Control-Allow-Headers', 'content-type, x-a']],
    });
  });

  it('fix for a 405 preflight without ACAO asks for both the header and a 2xx status', () => {
    const verdict = evaluate(ex({ method: 'PUT' }, [], { status: 405, headers: [] }));
    expect(verdict.fix).toEqual({
      stage: 'preflight',
      status: 'Answer the OPTIONS preflight with 204 (any 2xx)',
      headers: [['Access-Control-Allow-Origin', PAGE]],
    });
  });

  it('forbidden author headers are ignored (they never reach the wire)', () => {
    const verdict = evaluate(
      ex(
        {
          headers: [
            ['Cookie', 'a=b'],
            ['User-Agent', 'x'],
          ],
        },
        [ok([[ACAO, PAGE]])],
      ),
    );
    expect(verdict).toMatchObject({ allowed: true, preflightRequired: false });
  });
});
