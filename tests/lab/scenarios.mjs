// @ts-check
// The lab's named scenarios, shared by the human page, `npm start` and the end-to-end tests.
import { specUrl } from './spec.mjs';

/**
 * @typedef {import('./spec.mjs').HeaderList} HeaderList
 * @typedef {{ url: string, method: string, headers: HeaderList, credentials: 'omit' | 'same-origin' | 'include' }} ScenarioRequest
 * @typedef {{ name: string, title: string, description: string, expect: 'allowed' | 'blocked',
 *   readHeader?: string, expectReadable?: boolean, corsError?: string, request: ScenarioRequest }} Scenario
 * @typedef {{ pageOrigin: string, apiOrigins: string[] }} LabOrigins
 */

/** @param {LabOrigins} lab @returns {Scenario[]} */
export function scenarios({ pageOrigin, apiOrigins }) {
  const [api, api2 = api] = apiOrigins;
  const allow = /** @type {HeaderList} */ ([['Access-Control-Allow-Origin', pageOrigin]]);
  /** @param {string} name @param {import('./spec.mjs').LabSpec} spec */
  const url = (name, spec) => specUrl(/** @type {string} */ (api), { id: name, ...spec });
  /** @type {(s: Omit<Scenario, 'request'> & { request: Partial<ScenarioRequest> & { url: string } }) => Scenario} */
  const scenario = (s) => ({
    ...s,
    request: { method: 'GET', headers: [], credentials: 'same-origin', ...s.request },
  });
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
      request: {
        url: url('json-put-allowed', {
          preflight: {
            status: 204,
            headers: [
              ...allow,
              ['Access-Control-Allow-Methods', 'PUT'],
              ['Access-Control-Allow-Headers', 'Content-Type'],
            ],
          },
          response: { headers: allow },
        }),
        method: 'PUT',
        headers: [['Content-Type', 'application/json']],
      },
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
