// @ts-check
// How a caller tells the lab what to answer: the whole response plan travels in the request URL, so parallel
// requests never share state and a test needs no set-up call.

/**
 * @typedef {[string, string][]} HeaderList
 * @typedef {{ status?: number, headers?: HeaderList, body?: string, bodyBase64?: string, drop?: boolean, padHeader?: number }} LabResponse
 *   `bodyBase64`: a binary body (a font, an image), base64-encoded; it wins over `body`.
 *   `drop`: close the connection without answering (the browser sees a network error).
 *   `padHeader`: add an `X-Lab-Padding` header that many bytes long (giant-header tests; the plan is in the URL).
 * @typedef {{ id?: string, preflight?: LabResponse, response?: LabResponse }} LabSpec
 */

/** A header value the lab replaces by the request's own URL: `Location: SELF` redirects a request to itself. */
export const SELF = '{SELF}';

/** @param {LabSpec} spec */
export function encodeSpec(spec) {
  const bytes = new TextEncoder().encode(JSON.stringify(spec));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** @param {string} encoded @returns {LabSpec} */
export function decodeSpec(encoded) {
  const padded = encoded.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(padded + '='.repeat((4 - (padded.length % 4)) % 4));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
}

/** The URL on `apiOrigin` that answers as `spec` says. @param {string} apiOrigin @param {LabSpec} spec @param {string} [path] */
export function specUrl(apiOrigin, spec, path = '/api') {
  return `${apiOrigin}${path}?s=${encodeSpec(spec)}`;
}
