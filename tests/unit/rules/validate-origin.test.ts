import { describe, expect, it } from 'vitest';
import { validateOrigin } from '../../../src/core/rules/validate-origin';

const WILDCARD =
  'Use an exact origin such as http://localhost:5173 — wildcards are not allowed because an override must name one page.';
const SCHEME = (s: string) =>
  `Only http: and https: page origins can be overridden; "${s}" is not one. Use a web address such as http://localhost:5173.`;
const CREDENTIALS =
  'Remove the user name and password ("user:pass@"): an origin has no credentials in it. Write the page origin like http://localhost:5173.';
const PATH = (rest: string, origin = 'http://localhost:5173') =>
  `Use the origin only — scheme, host and port, such as ${origin}. CORS compares whole origins, so "${rest}" is not needed: the override covers every page of ${origin}.`;

describe('validateOrigin: accepted inputs and their normal form', () => {
  it.each<[string, string, string | undefined]>([
    ['http://localhost:5173', 'http://localhost:5173', undefined],
    ['  http://localhost:5173  ', 'http://localhost:5173', undefined],
    ['http://localhost:5173/', 'http://localhost:5173', undefined], // pasted from the address bar
    ['HTTP://LocalHost:5173', 'http://localhost:5173', 'Normalised to http://localhost:5173.'],
    ['https://example.com:443', 'https://example.com', 'Normalised to https://example.com.'], // default port dropped
    ['http://[::1]:8080', 'http://[::1]:8080', undefined],
    [
      'localhost:5173',
      'http://localhost:5173',
      'Assumed http://localhost:5173: local development servers usually use plain http. Type http:// or https:// to choose.',
    ],
    [
      '127.0.0.1:8080',
      'http://127.0.0.1:8080',
      'Assumed http://127.0.0.1:8080: local development servers usually use plain http. Type http:// or https:// to choose.',
    ],
    [
      'app.localhost:3000',
      'http://app.localhost:3000',
      'Assumed http://app.localhost:3000: local development servers usually use plain http. Type http:// or https:// to choose.',
    ],
    [
      'example.com',
      'https://example.com',
      'Assumed https://example.com: public hosts usually use https. Type http:// or https:// to choose.',
    ],
  ])('%j → %s', (input, value, note) => {
    const result = validateOrigin(input);
    expect(result).toEqual(note === undefined ? { ok: true, value } : { ok: true, value, note });
  });
});

describe('validateOrigin: rejected inputs say what is wrong and how to fix it', () => {
  it.each<[string, string]>([
    ['', 'Enter the page origin, such as http://localhost:5173.'],
    ['   ', 'Enter the page origin, such as http://localhost:5173.'],
    ['*', WILDCARD],
    ['http://*.example.com', WILDCARD],
    [
      'null',
      '"null" is the opaque origin of sandboxed frames and file: pages, which no override can name: use an http(s) page origin such as http://localhost:5173.',
    ],
    ['file:///tmp/x.html', SCHEME('file:')],
    ['ftp://example.com', SCHEME('ftp:')],
    ['ws://localhost:1', SCHEME('ws:')],
    ['about:blank', SCHEME('about:')],
    ['chrome-extension://abcdefgh', SCHEME('chrome-extension:')],
    ['http://user:pw@localhost:5173', CREDENTIALS],
    ['user:pw@localhost', CREDENTIALS],
    ['http://localhost:5173/app', PATH('/app')],
    ['http://localhost:5173?x', PATH('?x')],
    ['http://localhost:5173#top', PATH('#top')],
    ['http://localhost:5173\\app', PATH('\\app')],
    ['localhost:5173/app/index.html', PATH('/app/index.html')],
    [
      'http://localhost:99999',
      '"http://localhost:99999" is not a valid URL: check the host name, and that the port is a number from 1 to 65535.',
    ],
    [
      'http://local host',
      'Remove the spaces: write the page origin as one URL, such as http://localhost:5173.',
    ],
    ['/just/a/path', '"/just/a/path" is not a URL: write the page origin like http://localhost:5173.'],
  ])('%j', (input, message) => {
    expect(validateOrigin(input)).toEqual({ ok: false, message });
  });
});
