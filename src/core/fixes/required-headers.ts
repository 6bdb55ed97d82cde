import { isCorsSafelistedMethod } from '../cors/is-cors-safelisted-method';
import { isCorsSafelistedResponseHeaderName } from '../cors/is-cors-safelisted-response-header-name';
import { credentialsNotes } from './credentials-notes';
import { resolveCorsNeeds } from './resolve-cors-needs';
import type { FixInput, HeaderPair, RequiredHeaders } from './types';

// Chromium clamps Access-Control-Max-Age to 2 h (Firefox to 24 h); a larger value only misleads.
const CHROMIUM_MAX_AGE_CAP = 7200;

/** The minimal response headers that make this request pass the CORS check (Fetch §4.9, §4.10), with why. */
export function requiredHeaders(input: FixInput): RequiredHeaders {
  const needs = resolveCorsNeeds(input);
  const notes: string[] = [];
  const origin: HeaderPair = ['Access-Control-Allow-Origin', needs.origin];
  const credentials: HeaderPair[] = needs.credentials ? [['Access-Control-Allow-Credentials', 'true']] : [];

  notes.push(...credentialsNotes(input));
  notes.push(
    'If the server picks the allowed origin per request (echoing Origin from an allow-list), also send Vary: Origin so caches keep one response per origin.',
  );
  if (needs.origin === 'null') {
    notes.push(
      'Allowing the origin "null" admits every sandboxed iframe, data: URL and file: page; prefer serving the page from a real origin.',
    );
  }

  const unsafeMethods = needs.methods.filter((method) => !isCorsSafelistedMethod(method));
  const forPreflight: HeaderPair[] = [];
  if (input.preflight) {
    forPreflight.push(origin, ...credentials);
    if (unsafeMethods.length > 0)
      forPreflight.push(['Access-Control-Allow-Methods', unsafeMethods.join(', ')]);
    if (needs.allowHeaders.length > 0) {
      forPreflight.push(['Access-Control-Allow-Headers', needs.allowHeaders.join(', ')]);
    }
    forPreflight.push(['Access-Control-Max-Age', String(needs.maxAge)]);
    notes.push(
      input.maxAge === undefined
        ? `Access-Control-Max-Age is optional: ${needs.maxAge} s lets the browser skip repeated preflights.`
        : 'Access-Control-Max-Age only caches the preflight result; it is optional.',
    );
    if (needs.maxAge > CHROMIUM_MAX_AGE_CAP) {
      notes.push(`Chromium caps Access-Control-Max-Age at ${CHROMIUM_MAX_AGE_CAP} s and Firefox at 86400 s.`);
    }
  }

  const forActual: HeaderPair[] = [origin, ...credentials];
  if (needs.exposeHeaders.length > 0) {
    forActual.push(['Access-Control-Expose-Headers', needs.exposeHeaders.join(', ')]);
  }

  notes.push(...methodNotes(input.methods), ...headerNotes(input), ...redirectNotes(input));
  if (input.failedStatus !== undefined) {
    notes.push(
      `The server answered ${input.failedStatus} without CORS headers: fix that failure first, and send the CORS headers on error responses too, so the page can read the error. The snippets below do (each verified one was checked live with a 404).`,
    );
  }

  const optionsStatus = preflightStatusFix(input, notes);
  return optionsStatus === undefined
    ? { forPreflight, forActual, notes }
    : { forPreflight, forActual, optionsStatus, notes };
}

function methodNotes(methods: string[]): string[] {
  // Fetch §2.2.1 normalizes only DELETE/GET/HEAD/OPTIONS/POST/PUT; "patch" stays lower-case on the wire.
  return methods
    .filter((method) => method !== method.toUpperCase() && method.toUpperCase() === 'PATCH')
    .map(
      (method) =>
        `The page sends the method "${method}" in lower case and browsers do not upper-case PATCH: the server must allow ` +
        `"${method}" exactly, or the page should send "PATCH".`,
    );
}

function headerNotes(input: FixInput): string[] {
  const notes: string[] = [];
  if (input.requestHeaders.some((name) => name.toLowerCase() === 'authorization')) {
    notes.push('Authorization must be listed by name: Access-Control-Allow-Headers: * never covers it.');
  }
  const exposed = input.exposeHeaders.map((name) => name.toLowerCase());
  if (exposed.some((name) => name === 'set-cookie' || name === 'set-cookie2')) {
    notes.push('Set-Cookie can never be read by page script, whatever Access-Control-Expose-Headers says.');
  }
  if (exposed.some(isCorsSafelistedResponseHeaderName)) {
    notes.push(
      'Cache-Control, Content-Language, Content-Length, Content-Type, Expires, Last-Modified and Pragma are readable without Access-Control-Expose-Headers.',
    );
  }
  return notes;
}

function redirectNotes(input: FixInput): string[] {
  const { redirect } = input;
  if (redirect === undefined) return [];
  const notes = [
    `Every hop must carry the CORS headers: the redirect response from ${redirect.from} needs them as well as the final response from ${redirect.to}.`,
  ];
  if (input.preflight) {
    notes.push(
      'A preflight cannot follow a redirect: answering OPTIONS with a 3xx fails. Call the final URL directly (check trailing slashes and http→https).',
    );
  }
  if (URL.canParse(redirect.from) && URL.canParse(redirect.to)) {
    const from = new URL(redirect.from).origin;
    const to = new URL(redirect.to).origin;
    // Fetch §4.4 step 12: a cross-origin hop from an already cross-origin URL taints the request's origin.
    if (from !== to && from !== input.pageOrigin) {
      notes.push(
        `The redirect moves to another origin, so the browser sends Origin: null to ${to}; that server would have to allow "null". Avoid the redirect instead.`,
      );
    }
  }
  return notes;
}

function preflightStatusFix(input: FixInput, notes: string[]): string | undefined {
  const status = input.preflightStatus;
  if (!input.preflight || status === undefined || (status >= 200 && status <= 299)) return undefined;
  if (status === 401 || status === 403) {
    notes.push(
      `The preflight got ${status}: authentication runs before CORS. Browsers never send credentials on a preflight.`,
    );
  } else if (status === 404 || status === 405 || status === 501) {
    notes.push(`The preflight got ${status}: the server has no OPTIONS route for this URL.`);
  } else if (status >= 300 && status <= 399) {
    notes.push(`The preflight got a ${status} redirect, which the browser treats as a failure.`);
  }
  return 'answer OPTIONS with 204 No Content (any 2xx) without requiring authentication';
}
