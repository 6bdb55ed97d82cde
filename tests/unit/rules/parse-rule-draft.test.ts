import { describe, expect, it } from 'vitest';
import { parseRuleDraft } from '../../../src/core/rules/parse-rule-draft';
import { HOUR, NOW, rule } from './fixtures';

const newId = () => 'new-id';

describe('parseRuleDraft', () => {
  it('fills every optional field with its default and starts the lifetime now', () => {
    const parsed = parseRuleDraft(
      { pageOrigin: 'localhost:5173', target: 'http://127.0.0.1:8081' },
      NOW,
      newId,
    );
    expect(parsed).toEqual({ ok: true, rule: rule({ id: 'new-id' }) });
  });

  it('takes the editor draft as the popup sends it (target string, lists, maxAge, id kept)', () => {
    const parsed = parseRuleDraft(
      {
        id: 'r7',
        pageOrigin: 'http://localhost:3000',
        target: 'https://api.example.com/v1/',
        methods: ['get', 'patch', 'GET'],
        requestHeaders: ['Authorization', 'content-type'],
        credentials: true,
        exposeHeaders: ['X-Request-Id'],
        maxAge: 600,
        lifetime: 'pinned',
        enabled: true,
      },
      NOW,
      newId,
    );
    expect(parsed).toEqual({
      ok: true,
      rule: {
        id: 'r7',
        pageOrigin: 'http://localhost:3000',
        target: { origin: 'https://api.example.com', pathPrefix: '/v1/' },
        methods: ['GET', 'patch'], // get normalised and deduplicated; patch kept as written
        requestHeaders: ['authorization', 'content-type'],
        credentials: true,
        exposeHeaders: ['x-request-id'],
        maxAge: 600,
        lifetime: 'pinned',
        createdAt: NOW,
        expiresAt: null,
        enabled: true,
      },
    });
  });

  it('accepts a target object and comma-separated list strings', () => {
    const parsed = parseRuleDraft(
      {
        pageOrigin: 'http://localhost:5173',
        target: { origin: 'http://127.0.0.1:8081', pathPrefix: '/api/' },
        methods: 'GET, PUT',
        lifetime: '15m',
      },
      NOW,
      newId,
    );
    expect(parsed.ok && parsed.rule.target).toEqual({ origin: 'http://127.0.0.1:8081', pathPrefix: '/api/' });
    expect(parsed.ok && parsed.rule.methods).toEqual(['GET', 'PUT']);
    expect(parsed.ok && parsed.rule.expiresAt).toBe(NOW + 15 * 60_000);
  });

  it('keeps a given creation time but renews the expiry', () => {
    const parsed = parseRuleDraft(
      { pageOrigin: 'http://localhost:5173', target: 'http://127.0.0.1:8081', createdAt: NOW - HOUR },
      NOW,
      newId,
    );
    expect(parsed.ok && [parsed.rule.createdAt, parsed.rule.expiresAt]).toEqual([NOW - HOUR, NOW + HOUR]);
  });

  it('reports every bad field, each against its field name', () => {
    const parsed = parseRuleDraft(
      {
        id: 42,
        pageOrigin: '*',
        target: 'http://x.test/a?b',
        methods: ['GET', 'TRACE'],
        requestHeaders: ['cookie'],
        exposeHeaders: ['set-cookie'],
        maxAge: -1,
        lifetime: 'forever',
        credentials: 'yes',
        enabled: 1,
      },
      NOW,
      newId,
    );
    expect(parsed).toEqual({
      ok: false,
      errors: [
        {
          field: 'pageOrigin',
          message:
            'Use an exact origin such as http://localhost:5173 — wildcards are not allowed because an override must name one page.',
        },
        {
          field: 'target',
          message:
            'Remove the query or fragment (from "?b"): a target is an origin with an optional path prefix, such as https://api.example.com/v1/.',
        },
        {
          field: 'methods',
          message: 'TRACE is a forbidden method: fetch() refuses to send it, so no override can allow it.',
        },
        {
          field: 'requestHeaders',
          message:
            'cookie cannot be allowed: the browser sets it itself and page script can never send it. To send cookies, turn on "Allow credentials" instead.',
        },
        {
          field: 'exposeHeaders',
          message: 'set-cookie is never readable by page script, whatever the server exposes; remove it.',
        },
        {
          field: 'maxAge',
          message:
            "Max-age must be a whole number of seconds from 0 to 86400 (24 h), or empty for the browser's default.",
        },
        { field: 'credentials', message: 'credentials must be true or false.' },
        { field: 'enabled', message: 'enabled must be true or false.' },
        {
          field: 'lifetime',
          message: 'Choose a lifetime: 15m, 1h, 8h, session (until the browser restarts) or pinned.',
        },
        { field: 'id', message: 'id must be a non-empty string of at most 200 characters.' },
      ],
    });
  });

  it.each<[string, unknown, { field: string; message: string }]>([
    [
      'missing page origin',
      { target: 'http://127.0.0.1:8081' },
      { field: 'pageOrigin', message: 'Enter the page origin, such as http://localhost:5173.' },
    ],
    [
      'missing target',
      { pageOrigin: 'http://localhost:5173' },
      { field: 'target', message: 'Enter the target, such as https://api.example.com/v1/.' },
    ],
    [
      'target on the page origin',
      { pageOrigin: 'http://localhost:5173', target: 'http://localhost:5173/api/' },
      {
        field: 'target',
        message:
          "The target is the page's own origin (http://localhost:5173): same-origin requests never need CORS headers.",
      },
    ],
    [
      'no methods',
      { pageOrigin: 'http://localhost:5173', target: 'http://127.0.0.1:8081', methods: [] },
      { field: 'methods', message: 'Allow at least one method, such as GET.' },
    ],
    [
      'methods not a list',
      { pageOrigin: 'http://localhost:5173', target: 'http://127.0.0.1:8081', methods: 7 },
      { field: 'methods', message: 'methods must be a list of names, such as GET.' },
    ],
    [
      'a wildcard header',
      { pageOrigin: 'http://localhost:5173', target: 'http://127.0.0.1:8081', requestHeaders: ['*'] },
      {
        field: 'requestHeaders',
        message:
          'Name each header, such as content-type, authorization: "*" is taken literally when credentials are allowed, so overrides always list headers.',
      },
    ],
  ])('%s', (_, draft, error) => {
    expect(parseRuleDraft(draft, NOW, newId)).toEqual({ ok: false, errors: [error] });
  });

  it.each([[null], ['rule'], [[]], [42]])('refuses %j as a whole', (draft) => {
    expect(parseRuleDraft(draft, NOW, newId)).toEqual({
      ok: false,
      errors: [{ field: 'draft', message: 'Expected a rule: an object with pageOrigin and target.' }],
    });
  });
});
