import { describe, expect, it } from 'vitest';
import { validateMethod } from '../../../src/core/rules/validate-method';

const FORBIDDEN = (m: string) =>
  `${m} is a forbidden method: fetch() refuses to send it, so no override can allow it.`;
const KEPT = (m: string, upper: string) =>
  `Kept as ${m}, case matters: fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT, and sends ${m} exactly as written. Use ${upper} if the page sends ${upper}.`;

describe('validateMethod: case matters (Fetch §2.2.1 normalize)', () => {
  it.each<[string, string, string | undefined]>([
    ['GET', 'GET', undefined],
    ['PATCH', 'PATCH', undefined],
    ['PROPFIND', 'PROPFIND', undefined],
    ['get', 'GET', 'Listed as GET: fetch() upper-cases get before sending it.'],
    ['Delete', 'DELETE', 'Listed as DELETE: fetch() upper-cases Delete before sending it.'],
    // Not normalised by fetch(): ACAM is compared byte for byte, so `patch` stays `patch`.
    ['patch', 'patch', KEPT('patch', 'PATCH')],
    ['propfind', 'propfind', KEPT('propfind', 'PROPFIND')],
  ])('%j → %j', (input, value, note) => {
    expect(validateMethod(input)).toEqual(
      note === undefined ? { ok: true, value } : { ok: true, value, note },
    );
  });

  it.each<[string, string]>([
    ['', 'Enter a method, such as GET or PUT.'],
    [
      '*',
      'List the methods, such as GET, PUT: "*" is taken literally when credentials are allowed, so overrides always list them.',
    ],
    ['CONNECT', FORBIDDEN('CONNECT')],
    ['trace', FORBIDDEN('TRACE')],
    ['Track', FORBIDDEN('TRACK')],
    [
      'PU T',
      `"PU T" is not a valid method: it contains a space. Use letters, digits and ! # $ % & ' * + - . ^ _ \` | ~ only.`,
    ],
    [
      'PUT;',
      `"PUT;" is not a valid method: it contains ";". Use letters, digits and ! # $ % & ' * + - . ^ _ \` | ~ only.`,
    ],
  ])('rejects %j', (input, message) => {
    expect(validateMethod(input)).toEqual({ ok: false, message });
  });
});
