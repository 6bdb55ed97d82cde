// @ts-check
// The lab's named scenarios, shared by the human page, `npm start` and the end-to-end tests.
import { specUrl } from './spec.mjs';

/**
 * @typedef {import('./spec.mjs').HeaderList} HeaderList
 * @typedef {{ url: string, method: string, headers: HeaderList, credentials: 'omit' | 'same-origin' | 'include' }} ScenarioRequest
 * @typedef {{ name: string, title: string, description: string, expect: 'allowed' | 'blocked',
 *   readHeader?: string, expectReadable?: boolean, corsError?: string, request: ScenarioRequest,
 *   kind?: string, page?: 'public', runs?: number, cache?: RequestCache }} Scenario
 *   `kind`: the kind of failure CORS Lens should name (src/core/cors/failure-kind.ts); `page: 'public'`: run from
 *   the lab's public page, which the browser must be told is public (local-network-flags.mjs); `runs`: send it
 *   that many times in a row (the preflight cache answers the later ones); `cache`: the fetch cache mode
 *   ('no-store' by default, which makes both browsers skip their preflight cache).
 * @typedef {{ pageOrigin: string, apiOrigins: string[], publicPageOrigin?: string }} LabOrigins
 */

/** @param {string} origin @returns {HeaderList} */
const allowFor = (origin) => [['Access-Control-Allow-Origin', origin]];

/** The URL on `api` answering as `spec` says, tagged with the scenario's name. @param {string} api */
const urlOn = (api) => /** @param {string} name @param {import('./spec.mjs').LabSpec} spec */ (name, spec) =>
  specUrl(api, { id: name, ...spec });

/**
 * The plan of a JSON PUT whose preflight allows it, with `extra` preflight headers.
 * @param {HeaderList} allow @param {HeaderList} [extra] @returns {import('./spec.mjs').LabSpec}
 */
const allowedJsonPutPlan = (allow, extra = []) => ({
  preflight: {
    status: 204,
    headers: [
      ...allow,
      ['Access-Control-Allow-Methods', 'PUT'],
      ['Access-Control-Allow-Headers', 'Content-Type'],
      ...extra,
    ],
  },
  response: { headers: allow },
});

/** @param {string} url @returns {Partial<ScenarioRequest> & { url: string }} */
const allowedJsonPut = (url) => ({ url, method: 'PUT', headers: [['Content-Type', 'application/json']] });

/** @type {(s: Omit<Scenario, 'request'> & { request: Partial<ScenarioRequest> & { url: string } }) => Scenario} */
const scenario = (s) => ({
  ...s,
  request: { method: 'GET', headers: [], credentials: 'same-origin', ...s.request },
});

/** @param {LabOrigins} lab @returns {Scenario[]} */
export function scenarios({ pageOrigin, apiOrigins }) {
  const [api, api2 = api] = apiOrigins;
  const allow = allowFor(pageOrigin);
  const url = urlOn(/** @type {string} */ (api));
  return [
    scenario({
      name: 'simple-get-no-acao',
      title: 'Simple GET, no Access-Control-Allow-Origin',
      description: 'The server answers 200 but sends no CORS header.',
      expect: 'blocked',
      corsError: 'MissingAllowOriginHeader',
      request: { url: url('simple-get-no-acao', {}) },
    }),
    scenario({
      name: 'simple-get-allowed',
      title: 'Simple GET, allowed',
      description: 'The server names the page origin in Access-Control-Allow-Origin.',
      expect: 'allowed',
      request: { url: url('simple-get-allowed', { response: { headers: allow } }) },
    }),
    scenario({
      name: 'json-put-preflight',
      title: 'JSON PUT needing a preflight',
      description:
        'PUT with Content-Type: application/json; the preflight is answered 204 without CORS headers.',
      expect: 'blocked',
      corsError: 'PreflightMissingAllowOriginHeader',
      request: {
        url: url('json-put-preflight', { response: { headers: allow } }),
        method: 'PUT',
        headers: [['Content-Type', 'application/json']],
      },
    }),
    scenario({
      name: 'json-put-allowed',
      title: 'JSON PUT, preflight allowed',
      description: 'The preflight allows PUT and Content-Type.',
      expect: 'allowed',
      request: allowedJsonPut(url('json-put-allowed', allowedJsonPutPlan(allow))),
    }),
    scenario({
      name: 'credentials-wildcard',
      title: 'Credentials with *',
      description: 'credentials: "include", but the server answers Access-Control-Allow-Origin: *.',
      expect: 'blocked',
      corsError: 'WildcardOriginNotAllowed',
      request: {
        url: url('credentials-wildcard', { response: { headers: [['Access-Control-Allow-Origin', '*']] } }),
        credentials: 'include',
      },
    }),
    scenario({
      name: 'wrong-origin',
      title: 'Wrong origin',
      description: 'Access-Control-Allow-Origin names another origin.',
      expect: 'blocked',
      corsError: 'AllowOriginMismatch',
      request: {
        url: url('wrong-origin', {
          response: { headers: [['Access-Control-Allow-Origin', 'https://example.com']] },
        }),
      },
    }),
    scenario({
      name: 'multiple-acao',
      title: 'Multiple Access-Control-Allow-Origin values',
      description: 'The server sends the header twice.',
      expect: 'blocked',
      corsError: 'MultipleAllowOriginValues',
      request: {
        url: url('multiple-acao', {
          response: { headers: [...allow, ['Access-Control-Allow-Origin', 'https://example.com']] },
        }),
      },
    }),
    scenario({
      name: 'preflight-405',
      title: 'Preflight answered 405',
      description: 'The server has no OPTIONS route: 405 Method Not Allowed, with CORS headers.',
      expect: 'blocked',
      corsError: 'PreflightInvalidStatus',
      request: {
        url: url('preflight-405', {
          preflight: { status: 405, headers: allow },
          response: { headers: allow },
        }),
        method: 'DELETE',
      },
    }),
    scenario({
      name: 'custom-header-not-allowed',
      title: 'Custom header not allowed',
      description: 'The page sends X-Api-Key; the preflight allows only Content-Type.',
      expect: 'blocked',
      corsError: 'HeaderDisallowedByPreflightResponse',
      request: {
        url: url('custom-header-not-allowed', {
          preflight: { status: 204, headers: [...allow, ['Access-Control-Allow-Headers', 'Content-Type']] },
          response: { headers: allow },
        }),
        headers: [['X-Api-Key', 'lab-key']],
      },
    }),
    scenario({
      name: 'method-not-allowed',
      title: 'Method not allowed',
      description: 'The page sends PATCH; the preflight allows GET, POST, PUT.',
      expect: 'blocked',
      corsError: 'MethodDisallowedByPreflightResponse',
      request: {
        url: url('method-not-allowed', {
          preflight: { status: 204, headers: [...allow, ['Access-Control-Allow-Methods', 'GET, POST, PUT']] },
          response: { headers: allow },
        }),
        method: 'PATCH',
      },
    }),
    scenario({
      name: 'redirect-cross-origin',
      title: 'Redirect to another API origin',
      description: 'The first API allows the page and redirects (302) to a second API that does not.',
      expect: 'blocked',
      corsError: 'MissingAllowOriginHeader',
      request: {
        url: url('redirect-cross-origin', {
          response: {
            status: 302,
            headers: [
              ...allow,
              ['Location', specUrl(/** @type {string} */ (api2), { id: 'redirect-target' })],
            ],
          },
        }),
      },
    }),
    scenario({
      name: 'header-not-exposed',
      title: 'Header readable only when exposed (not exposed)',
      description:
        'The response has X-Request-Id but no Access-Control-Expose-Headers: script cannot read it.',
      expect: 'allowed',
      readHeader: 'x-request-id',
      expectReadable: false,
      request: {
        url: url('header-not-exposed', { response: { headers: [...allow, ['X-Request-Id', 'lab-42']] } }),
      },
    }),
    scenario({
      name: 'header-exposed',
      title: 'Header readable only when exposed (exposed)',
      description: 'Access-Control-Expose-Headers: X-Request-Id makes it readable.',
      expect: 'allowed',
      readHeader: 'x-request-id',
      expectReadable: true,
      request: {
        url: url('header-exposed', {
          response: {
            headers: [
              ...allow,
              ['X-Request-Id', 'lab-42'],
              ['Access-Control-Expose-Headers', 'X-Request-Id'],
            ],
          },
        }),
      },
    }),
  ];
}

/**
 * Failures that look like CORS but are something else (or CORS only in name): a server error without CORS headers,
 * a refused preflight, Local Network Access, a redirect or a scheme CORS forbids, a request that got no answer,
 * and two that pass today but mislead: a cached preflight and `*` covering Authorization.
 * @param {LabOrigins} lab @returns {Scenario[]}
 */
export function lookalikeScenarios({ pageOrigin, apiOrigins, publicPageOrigin = pageOrigin }) {
  const [api, api2 = api] = apiOrigins;
  const allow = allowFor(pageOrigin);
  // The Local Network Access scenarios run from the public page: the API allows that origin.
  const allowedPublic = allowFor(publicPageOrigin);
  const url = urlOn(/** @type {string} */ (api));
  /** @param {number} status @param {string} body @param {HeaderList} [headers] */
  const failing = (status, body, headers = []) => ({
    response: {
      status,
      body,
      headers: /** @type {HeaderList} */ ([['Content-Type', 'text/plain'], ...headers]),
    },
  });
  return [
    scenario({
      name: 'server-error-500',
      title: 'Server error 500 without CORS headers',
      description: 'The API crashes; its error page has no Access-Control-Allow-Origin (its 200 would).',
      expect: 'blocked',
      corsError: 'MissingAllowOriginHeader',
      kind: 'server-error',
      request: { url: url('server-error-500', failing(500, 'Traceback: KeyError: user_id')) },
    }),
    scenario({
      name: 'server-error-401',
      title: 'Auth middleware answers 401 without CORS headers',
      description: 'Authentication runs before the CORS middleware and refuses the request.',
      expect: 'blocked',
      corsError: 'MissingAllowOriginHeader',
      kind: 'server-error',
      request: {
        url: url('server-error-401', failing(401, 'Unauthorized', [['WWW-Authenticate', 'Bearer']])),
      },
    }),
    scenario({
      name: 'server-error-404',
      title: 'Not found (404) without CORS headers',
      description: 'A wrong path: the framework’s 404 page carries no CORS headers.',
      expect: 'blocked',
      corsError: 'MissingAllowOriginHeader',
      kind: 'server-error',
      request: { url: url('server-error-404', failing(404, 'Cannot GET /api')) },
    }),
    scenario({
      name: 'preflight-refused-401',
      title: 'Preflight refused by authentication (401)',
      description: 'A PUT with Authorization; the auth middleware answers the OPTIONS preflight 401.',
      expect: 'blocked',
      corsError: 'PreflightMissingAllowOriginHeader',
      kind: 'preflight-refused',
      request: {
        url: url('preflight-refused-401', { preflight: { status: 401 }, response: { headers: allow } }),
        method: 'PUT',
        headers: [['Authorization', 'Bearer lab-token']],
      },
    }),
    scenario({
      name: 'redirect-tainted',
      title: 'Redirect to another API origin: the origin becomes null',
      description:
        'The first API redirects to the second, which allows the page by name; after the cross-origin hop the browser sends Origin: null.',
      expect: 'blocked',
      corsError: 'AllowOriginMismatch',
      kind: 'redirect',
      request: {
        url: url('redirect-tainted', {
          response: {
            status: 302,
            headers: [
              ...allow,
              [
                'Location',
                specUrl(/** @type {string} */ (api2), {
                  id: 'redirect-tainted-target',
                  response: { headers: allow },
                }),
              ],
            ],
          },
        }),
      },
    }),
    scenario({
      name: 'scheme-data-redirect',
      title: 'Redirect to a data: URL',
      description: 'The API redirects to data:…; CORS works only over http(s).',
      expect: 'blocked',
      corsError: 'CorsDisabledScheme',
      kind: 'scheme',
      request: {
        url: url('scheme-data-redirect', {
          response: { status: 302, headers: [...allow, ['Location', 'data:text/plain,lab']] },
        }),
      },
    }),
    scenario({
      name: 'not-sent-dropped',
      title: 'The server drops the connection',
      description: 'The API closes the connection without answering: a network error, not CORS.',
      expect: 'blocked',
      kind: 'not-sent',
      request: { url: url('not-sent-dropped', { response: { drop: true } }) },
    }),
    scenario({
      name: 'cached-preflight',
      title: 'A preflight answered from the cache (Max-Age 600)',
      description:
        'The same JSON PUT twice: the second goes without a preflight while the cached answer lasts.',
      expect: 'allowed',
      runs: 2,
      cache: 'default',
      request: allowedJsonPut(
        url('cached-preflight', allowedJsonPutPlan(allow, [['Access-Control-Max-Age', '600']])),
      ),
    }),
    scenario({
      name: 'wildcard-authorization',
      title: 'Authorization allowed only by *',
      description:
        'Access-Control-Allow-Headers: * lets Authorization through in today’s browsers, though the Fetch standard says it never covers it. Sent twice with Max-Age 600: Chromium preflights both, its cache never serves Authorization from *.',
      expect: 'allowed',
      runs: 2,
      cache: 'default',
      request: {
        url: url('wildcard-authorization', {
          preflight: {
            status: 204,
            headers: [...allow, ['Access-Control-Allow-Headers', '*'], ['Access-Control-Max-Age', '600']],
          },
          response: { headers: allow },
        }),
        headers: [['Authorization', 'Bearer lab-token']],
      },
    }),
    scenario({
      name: 'local-network',
      title: 'Public page → loopback API (Local Network Access)',
      description:
        'From the lab’s public page: a GET the API allows, refused because a public page needs the loopback-network permission.',
      expect: 'blocked',
      corsError: 'LocalNetworkAccessPermissionDenied',
      kind: 'local-network',
      page: 'public',
      request: { url: url('local-network', { response: { headers: allowedPublic } }) },
    }),
    scenario({
      name: 'local-network-preflight',
      title: 'Public page → loopback API, preflighted, with Access-Control-Allow-Private-Network',
      description:
        'A JSON PUT whose preflight would answer Access-Control-Allow-Private-Network: true: it no longer helps, the preflight never leaves.',
      expect: 'blocked',
      corsError: 'LocalNetworkAccessPermissionDenied',
      kind: 'local-network',
      page: 'public',
      request: allowedJsonPut(
        url(
          'local-network-preflight',
          allowedJsonPutPlan(allowedPublic, [['Access-Control-Allow-Private-Network', 'true']]),
        ),
      ),
    }),
  ];
}
