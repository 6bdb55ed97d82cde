import { describe, expect, it } from 'vitest';
import { isCorsSafelistedMethod } from '../../../src/core/cors/is-cors-safelisted-method';
import { normalizeMethod } from '../../../src/core/cors/normalize-method';

describe('isCorsSafelistedMethod', () => {
  // Fetch §2.2.1 CORS-safelisted method; Chromium upper-cases first (cors.cc IsCorsSafelistedMethod).
  const rows: [string, boolean][] = [
    ['GET', true], // Fetch §2.2.1
    ['HEAD', true], // Fetch §2.2.1
    ['POST', true], // Fetch §2.2.1
    ['get', true], // Chromium ToUpperASCII before comparing
    ['PUT', false], // Fetch §2.2.1
    ['DELETE', false], // Fetch §2.2.1
    ['PATCH', false], // Fetch §2.2.1
    ['OPTIONS', false], // Fetch §2.2.1
    ['', false], // Fetch §2.2.1
  ];
  it.each(rows)('%s → %s', (method, expected) => {
    expect(isCorsSafelistedMethod(method)).toBe(expected);
  });
});

describe('normalizeMethod', () => {
  // Fetch §2.2.1 normalize: only DELETE, GET, HEAD, OPTIONS, POST, PUT are upper-cased.
  const rows: [string, string][] = [
    ['get', 'GET'],
    ['Post', 'POST'],
    ['delete', 'DELETE'],
    ['options', 'OPTIONS'],
    ['put', 'PUT'],
    ['head', 'HEAD'],
    ['patch', 'patch'], // Fetch §2.2.1: not in the list, stays as written
    ['Patch', 'Patch'],
    ['PROPFIND', 'PROPFIND'],
  ];
  it.each(rows)('%s → %s', (method, expected) => {
    expect(normalizeMethod(method)).toBe(expected);
  });
});
