import { describe, expect, it } from 'vitest';
import { expressCorsOptions } from '../../../src/core/fixes/express-cors-options';
import { fixSnippets } from '../../../src/core/fixes/fix-snippets';
import { flaskCorsKwargs } from '../../../src/core/fixes/flask-cors-kwargs';
import { FRAMEWORKS } from '../../../src/core/fixes/frameworks';
import type { FixInput, Framework, Snippet } from '../../../src/core/fixes/types';
import { credentialedPut, jsonPut, simpleGet } from './fixtures';
import { doubleQuotedLiterals, expressOptionsFromSnippet, flaskResourceFromSnippet } from './parse-snippet';

function snippet(input: FixInput, framework: Framework): Snippet {
  const found = fixSnippets(input).find((candidate) => candidate.framework === framework);
  if (found === undefined) throw new Error(`no ${framework} snippet`);
  return found;
}

describe('fixSnippets: one snippet per framework', () => {
  it('lists the ten frameworks in order, with their highlighting language', () => {
    expect(fixSnippets(jsonPut).map(({ framework, language }) => [framework, language])).toEqual([
      ['express', 'js'],
      ['flask', 'python'],
      ['fastapi', 'python'],
      ['django', 'python'],
      ['go', 'go'],
      ['nginx', 'nginx'],
      ['caddy', 'caddyfile'],
      ['apache', 'apache'],
      ['aspnetcore', 'csharp'],
      ['spring', 'java'],
    ]);
    expect(fixSnippets(jsonPut).map(({ framework }) => framework)).toEqual(FRAMEWORKS);
  });

  it('every snippet states its versions and whether it is verified live, with the reason when not', () => {
    for (const snippet of fixSnippets(jsonPut)) {
      expect(snippet.versions, snippet.framework).toMatch(/\d/);
      const { verification } = snippet;
      if (verification.live) expect(verification.verifiedWith, snippet.framework).toMatch(/\d/);
      else expect(verification.reason, snippet.framework).toMatch(/Debian 12/);
    }
    const notLive = fixSnippets(jsonPut)
      .filter((snippet) => !snippet.verification.live)
      .map((snippet) => snippet.framework);
    expect(notLive).toEqual(['aspnetcore', 'spring']);
  });

  it.each([
    ['express', 'npm install cors'],
    ['flask', 'pip install flask-cors'],
    ['django', 'pip install django-cors-headers'],
    ['go', 'go get github.com/rs/cors'],
  ] as const)('%s installs with %s', (framework, install) => {
    expect(snippet(jsonPut, framework).install).toBe(install);
  });
});

describe.each(FRAMEWORKS)('%s snippet is generated from the input', (framework) => {
  it.each([
    ['JSON PUT', jsonPut],
    ['credentialed PUT with x-api-key', credentialedPut],
    [
      'PATCH with authorization',
      { ...credentialedPut, methods: ['PATCH'], requestHeaders: ['authorization'] },
    ],
  ])('%s: exact origin, methods, headers', (_, input) => {
    const { code } = snippet(input, framework);
    expect(code).toContain(input.pageOrigin);
    for (const method of input.methods) expect(code).toContain(method);
    for (const header of input.requestHeaders) expect(code).toContain(header);
    for (const header of input.exposeHeaders) expect(code).toContain(header);
    // Caddy and Apache send Max-Age on the preflight only.
    if (input.preflight) expect(code).toContain(String(input.maxAge ?? 600));
  });

  it('never a wildcard origin, and credentials only when the request has or may have them', () => {
    const withCredentials = snippet(credentialedPut, framework).code;
    const unknown = snippet({ ...credentialedPut, credentials: 'unknown' }, framework).code;
    expect(unknown).toBe(withCredentials);
    const without = snippet(jsonPut, framework).code;
    expect(withCredentials).not.toMatch(/["']\*["']|Origin \*|AllowAnyOrigin/);
    expect(withCredentials).toMatch(
      /credentials: true|True|AllowCredentials|allowCredentials\(true\)|"true"/,
    );
    expect(without).not.toMatch(
      /credentials: true|=True|: True|= True|AllowCredentials|allowCredentials|Allow-Credentials/,
    );
  });

  it('is scoped to the path prefix of the target URL', () => {
    expect(snippet(credentialedPut, framework).code).toContain('/v2');
  });
});

describe('snippet literals decode to the input values', () => {
  it.each(['aspnetcore', 'fastapi', 'django', 'spring', 'go'] as const)('%s', (framework) => {
    const literals = doubleQuotedLiterals(snippet(credentialedPut, framework).code);
    expect(literals).toEqual(
      expect.arrayContaining(['https://app.example.com', 'PUT', 'x-api-key', 'x-total-count']),
    );
  });
});

describe('the Express and Flask snippets print exactly the exported options', () => {
  it.each([simpleGet, jsonPut, credentialedPut])('express %#', (input) => {
    expect(expressOptionsFromSnippet(snippet(input, 'express').code)).toEqual(expressCorsOptions(input));
  });

  it.each([simpleGet, jsonPut, credentialedPut])('flask %#', (input) => {
    const [, kwargs] = flaskResourceFromSnippet(snippet(input, 'flask').code);
    expect(kwargs).toEqual(flaskCorsKwargs(input));
  });

  it('express mounts cors() on the prefix, before the routes', () => {
    expect(snippet(jsonPut, 'express').code).toMatch(/app\.use\('\/api', cors\(\{/);
    expect(snippet({ ...jsonPut, targetUrl: 'http://127.0.0.1:8081/' }, 'express').code).toMatch(
      /app\.use\(cors\(\{/,
    );
  });

  it('flask resources use the path prefix as a regex', () => {
    expect(flaskResourceFromSnippet(snippet(jsonPut, 'flask').code)[0]).toBe('"/api/.*"');
    expect(snippet({ ...jsonPut, targetUrl: 'http://h/v1.0/x' }, 'flask').code).toContain('r"/v1\\.0/.*"');
  });
});

describe('framework specifics', () => {
  it('nginx answers OPTIONS with 204 and sends every header "always"', () => {
    const { code } = snippet(credentialedPut, 'nginx');
    expect(code).toMatch(/location \/v2\/ \{\n/);
    expect(code).toMatch(/if \(\$request_method = OPTIONS\) \{[\s\S]*return 204;/);
    const addHeaders = code.split('\n').filter((line) => line.trim().startsWith('add_header'));
    expect(addHeaders.length).toBe(8);
    for (const line of addHeaders) expect(line).toMatch(/ always;$/);
  });

  it('nginx has no OPTIONS block for a request without preflight', () => {
    expect(snippet(simpleGet, 'nginx').code).not.toContain('OPTIONS');
  });

  it('django extends default_headers with the headers it lacks and scopes by regex', () => {
    const { code } = snippet(credentialedPut, 'django');
    expect(code).toContain('CORS_ALLOW_HEADERS = [*default_headers, "x-api-key"]');
    expect(code).toContain('CORS_URLS_REGEX = r"^/v2/.*$"');
    expect(code).toContain('CORS_ALLOW_CREDENTIALS = True');
  });

  it('spring maps the prefix with **', () => {
    expect(snippet(credentialedPut, 'spring').code).toContain('registry.addMapping("/v2/**")');
  });

  it('aspnetcore applies the named policy it defines', () => {
    const { code } = snippet(credentialedPut, 'aspnetcore');
    const [policy] = /AddPolicy\(("[^"]+")/.exec(code)?.slice(1) ?? [];
    expect(code).toContain(`api.UseCors(${policy})`);
    expect(code).toContain(`StartsWithSegments("/v2")`);
    expect(code).toContain('.SetPreflightMaxAge(TimeSpan.FromSeconds(300))');
  });

  it('django without extra headers keeps the defaults as a list (3.14 failed on the old tuple)', () => {
    expect(snippet(simpleGet, 'django').code).toContain('CORS_ALLOW_HEADERS = [*default_headers]');
  });

  it('go is a whole file: withCORS wraps the mux and sends only the prefix through rs/cors', () => {
    const { code } = snippet(credentialedPut, 'go');
    expect(code).toMatch(/^package main$/m);
    expect(code).toContain('\t\tAllowCredentials: true,\n');
    expect(code).toContain('\t\tMaxAge:           300,\n');
    expect(code).toContain('func withCORS(next http.Handler) http.Handler {');
    expect(code).toContain('strings.HasPrefix(r.URL.Path, "/v2/")');
    expect(code).not.toContain('apiHandler');
  });

  it('spring has a package line to change and says which Spring it is for', () => {
    const found = snippet(credentialedPut, 'spring');
    expect(found.code).toMatch(/^package [\w.]+; \/\/ ← your package$/m);
    expect(found.versions).toMatch(/Spring Framework 5\.0 or later.*4\.3/);
  });

  it('caddy and apache answer the preflight with 204 and keep the headers on every status', () => {
    const caddy = snippet(credentialedPut, 'caddy').code;
    expect(caddy).toMatch(/handle @cors_preflight \{[\s\S]*respond 204/);
    const apache = snippet(credentialedPut, 'apache').code;
    expect(apache).toContain('RewriteRule ^/v2/ - [R=204,L]');
    const sets = apache.split('\n').filter((line) => line.includes('Header '));
    expect(sets.length).toBe(6);
    for (const line of sets) expect(line).toMatch(/Header always set /);
  });
});
