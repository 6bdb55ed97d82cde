import { describe, expect, it } from 'vitest';
import { requiredHeaders } from '../../../src/core/fixes/required-headers';
import type { FixInput, HeaderPair } from '../../../src/core/fixes/types';
import { credentialedPut, jsonPut, simpleGet } from './fixtures';

const ORIGIN = 'http://localhost:5173';

// Fetch §4.9 (CORS check) and §4.10 (CORS-preflight fetch): what each response must carry.
describe('requiredHeaders: the minimal headers per case', () => {
  it.each<[string, FixInput, HeaderPair[], HeaderPair[]]>([
    ['simple GET: only the origin, no preflight', simpleGet, [], [['Access-Control-Allow-Origin', ORIGIN]]],
    [
      'preflighted JSON PUT: method and header on the preflight',
      jsonPut,
      [
        ['Access-Control-Allow-Origin', ORIGIN],
        ['Access-Control-Allow-Methods', 'PUT'],
        ['Access-Control-Allow-Headers', 'content-type'],
        ['Access-Control-Max-Age', '600'],
      ],
      [['Access-Control-Allow-Origin', ORIGIN]],
    ],
    [
      'credentials: exact origin, Allow-Credentials on both, exposed header',
      credentialedPut,
      [
        ['Access-Control-Allow-Origin', 'https://app.example.com'],
        ['Access-Control-Allow-Credentials', 'true'],
        ['Access-Control-Allow-Methods', 'PUT'],
        ['Access-Control-Allow-Headers', 'content-type, x-api-key'],
        ['Access-Control-Max-Age', '300'],
      ],
      [
        ['Access-Control-Allow-Origin', 'https://app.example.com'],
        ['Access-Control-Allow-Credentials', 'true'],
        ['Access-Control-Expose-Headers', 'x-total-count'],
      ],
    ],
    [
      'custom header on a GET: no Allow-Methods, GET is safelisted',
      { ...simpleGet, requestHeaders: ['x-request-id'], preflight: true },
      [
        ['Access-Control-Allow-Origin', ORIGIN],
        ['Access-Control-Allow-Headers', 'x-request-id'],
        ['Access-Control-Max-Age', '600'],
      ],
      [['Access-Control-Allow-Origin', ORIGIN]],
    ],
    [
      'PATCH: listed as sent',
      { ...jsonPut, methods: ['PATCH'] },
      [
        ['Access-Control-Allow-Origin', ORIGIN],
        ['Access-Control-Allow-Methods', 'PATCH'],
        ['Access-Control-Allow-Headers', 'content-type'],
        ['Access-Control-Max-Age', '600'],
      ],
      [['Access-Control-Allow-Origin', ORIGIN]],
    ],
    [
      'lower-case "delete" is normalized to DELETE by the browser',
      { ...jsonPut, methods: ['delete'], requestHeaders: [] },
      [
        ['Access-Control-Allow-Origin', ORIGIN],
        ['Access-Control-Allow-Methods', 'DELETE'],
        ['Access-Control-Max-Age', '600'],
      ],
      [['Access-Control-Allow-Origin', ORIGIN]],
    ],
    [
      'safelisted response headers and Set-Cookie are never exposed',
      { ...simpleGet, exposeHeaders: ['Content-Type', 'set-cookie', 'ETag'] },
      [],
      [
        ['Access-Control-Allow-Origin', ORIGIN],
        ['Access-Control-Expose-Headers', 'etag'],
      ],
    ],
  ])('%s', (_, input, forPreflight, forActual) => {
    const result = requiredHeaders(input);
    expect(result.forPreflight).toEqual(forPreflight);
    expect(result.forActual).toEqual(forActual);
  });
});

describe('requiredHeaders: never "*" with credentials', () => {
  it.each([simpleGet, jsonPut, credentialedPut])('%#', (input) => {
    const { forPreflight, forActual } = requiredHeaders({ ...input, credentials: 'include' });
    for (const [, value] of [...forPreflight, ...forActual]) expect(value).not.toBe('*');
  });
});

describe('requiredHeaders: notes and the OPTIONS status', () => {
  const notesOf = (input: FixInput) => requiredHeaders(input).notes.join('\n');

  it.each([
    [simpleGet, /\* would also work/],
    [credentialedPut, /rejects "\*"/],
    [simpleGet, /Vary: Origin/],
    [{ ...jsonPut, requestHeaders: ['authorization'] }, /Authorization must be listed by name/],
    [{ ...jsonPut, methods: ['patch'] }, /do not upper-case PATCH/],
    [{ ...simpleGet, pageOrigin: 'null' }, /sandboxed/],
    [{ ...jsonPut, preflightStatus: 405 }, /no OPTIONS route/],
    [{ ...jsonPut, preflightStatus: 401 }, /authentication runs before CORS/],
    [
      { ...simpleGet, failedStatus: 500 },
      /answered 500 without CORS headers: fix that failure first.*error responses too/,
    ],
  ])('%j → %s', (input, note) => {
    expect(notesOf(input)).toMatch(note);
  });

  it('no wildcard hint with credentials, no Authorization note without it', () => {
    expect(notesOf(credentialedPut)).not.toMatch(/would also work/);
    expect(notesOf(jsonPut)).not.toMatch(/Authorization/);
  });

  it('a preflight answered 405 must be answered 204 without authentication', () => {
    expect(requiredHeaders({ ...jsonPut, preflightStatus: 405 }).optionsStatus).toBe(
      'answer OPTIONS with 204 No Content (any 2xx) without requiring authentication',
    );
  });

  it.each([
    ['no preflight status', jsonPut],
    ['a 2xx preflight', { ...jsonPut, preflightStatus: 204 }],
    ['no preflight at all', { ...simpleGet, preflightStatus: 405 }],
  ])('no OPTIONS fix for %s', (_, input) => {
    expect(requiredHeaders(input)).not.toHaveProperty('optionsStatus');
  });

  it('redirect: every hop needs the headers, preflights cannot be redirected, cross-origin hops taint Origin', () => {
    const notes = notesOf({
      ...jsonPut,
      redirect: { from: 'http://127.0.0.1:8081/api/items', to: 'http://127.0.0.1:9090/api/items' },
    });
    expect(notes).toMatch(/Every hop must carry the CORS headers/);
    expect(notes).toMatch(/preflight cannot follow a redirect/);
    expect(notes).toMatch(/Origin: null/);
  });

  it('redirect on the same origin, simple request: no preflight or taint note', () => {
    const notes = notesOf({
      ...simpleGet,
      redirect: { from: 'http://127.0.0.1:8081/api/items', to: 'http://127.0.0.1:8081/api/items/' },
    });
    expect(notes).toMatch(/Every hop/);
    expect(notes).not.toMatch(/preflight cannot follow/);
    expect(notes).not.toMatch(/Origin: null/);
  });

  it('warns when Max-Age exceeds what Chromium honours', () => {
    expect(notesOf({ ...jsonPut, maxAge: 86400 })).toMatch(/caps Access-Control-Max-Age at 7200/);
    expect(notesOf({ ...jsonPut, maxAge: 7200 })).not.toMatch(/caps/);
  });
});
