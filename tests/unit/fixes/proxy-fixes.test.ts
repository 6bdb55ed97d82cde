import { describe, expect, it } from 'vitest';
import { guessDevServer } from '../../../src/core/fixes/proxy/guess-dev-server';
import { isLocalDevOrigin } from '../../../src/core/fixes/proxy/is-local-dev-origin';
import { proxyFixes } from '../../../src/core/fixes/proxy/proxy-fixes';
import { proxyRoute } from '../../../src/core/fixes/proxy/proxy-route';
import { rankFixes } from '../../../src/core/fixes/rank-fixes';
import { credentialedPut, jsonPut, simpleGet } from './fixtures';

describe('proxyRoute: the API under the page origin, and the fetch URL to call instead', () => {
  it.each([
    ['http://127.0.0.1:8081/api/items?id=3', { prefix: '/api/', after: '/api/items?id=3', base: '' }],
    ['http://127.0.0.1:8081/graphql', { prefix: '/graphql', after: '/graphql', base: '' }],
    ['http://127.0.0.1:8081/?q=1', { prefix: '/api-proxy/', after: '/api-proxy/?q=1', base: '/api-proxy' }],
  ])('%s', (url, { prefix, after, base }) => {
    const route = proxyRoute(url);
    expect(route.target).toBe('http://127.0.0.1:8081');
    expect(route.prefix).toBe(prefix);
    expect(route.fetchUrl).toEqual({ before: url, after });
    expect(route.baseUrl).toEqual({ before: 'http://127.0.0.1:8081', after: base });
  });
});

describe('proxyFixes', () => {
  it('one per dev server, Vite and webpack-dev-server verified live, the others with the reason', () => {
    const fixes = proxyFixes(jsonPut);
    expect(fixes.map((fix) => [fix.devServer, fix.file, fix.verification.live])).toEqual([
      ['vite', 'vite.config.js', true],
      ['webpack', 'webpack.config.js', true],
      ['next', 'next.config.js', false],
      ['angular', 'proxy.conf.json', false],
    ]);
    for (const fix of fixes) {
      expect(fix.code).toContain('127.0.0.1:8081');
      expect(fix.versions).toMatch(/\d/);
      expect(fix.fetchChange).toEqual({ before: jsonPut.targetUrl, after: '/api/items?id=3' });
    }
  });

  it('an API at the root gets its own prefix, stripped before forwarding', () => {
    const codes = proxyFixes({ ...simpleGet, targetUrl: 'http://127.0.0.1:8081/' }).map((fix) => fix.code);
    expect(codes[0]).toContain("rewrite: (path) => path.replace(/^\\/api-proxy/, ''),");
    expect(codes[1]).toContain("pathRewrite: { '^/api-proxy': '' },");
    expect(codes[2]).toContain(
      "{ source: '/api-proxy/:path*', destination: 'http://127.0.0.1:8081/:path*' }",
    );
    expect(JSON.parse(codes[3] ?? '')).toEqual({
      '/api-proxy/': {
        target: 'http://127.0.0.1:8081',
        changeOrigin: true,
        pathRewrite: { '^/api-proxy': '' },
      },
    });
  });

  it('credentials: a note about cookies on the page origin; none without', () => {
    expect(proxyFixes(credentialedPut)[0]?.notes.join()).toMatch(/Cookies now belong/);
    expect(proxyFixes(jsonPut)[0]?.notes.join()).not.toMatch(/Cookies/);
  });
});

describe('ranking', () => {
  it.each([
    ['http://localhost:5173', true],
    ['http://app.localhost:3000', true],
    ['http://127.0.0.1:8080', true],
    ['http://[::1]:4200', true],
    ['https://app.example.com', false],
    ['http://localhost.example.com', false],
    ['null', false],
  ])('%s is a local dev origin: %s', (origin, local) => {
    expect(isLocalDevOrigin(origin)).toBe(local);
    expect(rankFixes(origin, {}).kinds[0]).toBe(local ? 'proxy' : 'server');
  });

  it('the picked stack and dev server come first; the port guesses the dev server', () => {
    const ranked = rankFixes('https://app.example.com', { framework: 'django', devServer: 'next' });
    expect(ranked.frameworks[0]).toBe('django');
    expect(ranked.frameworks).toHaveLength(10);
    expect(ranked.devServers).toEqual(['next', 'vite', 'webpack', 'angular']);
    expect(rankFixes('http://localhost:4200', {}).devServers[0]).toBe('angular');
    expect(guessDevServer('http://localhost:3000')).toBe('next');
    expect(guessDevServer('http://localhost:9999')).toBe('vite');
  });
});
