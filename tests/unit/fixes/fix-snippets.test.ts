import { describe, expect, it } from 'vitest';
import { expressCorsOptions } from '../../../src/core/fixes/express-cors-options';
import { fixSnippets } from '../../../src/core/fixes/fix-snippets';
import { flaskCorsKwargs } from '../../../src/core/fixes/flask-cors-kwargs';
import type { FixInput, Framework, Snippet } from '../../../src/core/fixes/types';
import { credentialedPut, jsonPut, simpleGet } from './fixtures';
import { doubleQuotedLiterals, expressOptionsFromSnippet, flaskResourceFromSnippet } from './parse-snippet';

const FRAMEWORKS: Framework[] = [
  'express',
  'flask',
  'aspnetcore',
  'nginx',
  'fastapi',
  'django',
  'spring',
  'go',
];

function snippet(input: FixInput, framework: Framework): Snippet {
  const found = fixSnippets(input).find((candidate) => candidate.framework === framework);
  if (found === undefined) throw new Error(`no ${framework} snippet`);
  return found;
}

describe('fixSnippets: one snippet per framework', () => {
  it('lists the eight frameworks in order, with their highlighting language', () => {
    expect(fixSnippets(jsonPut).map(({ framework, language }) => [framework, language])).toEqual([
      ['express', 'js'],
      ['flask', 'python'],
      ['aspnetcore', 'csharp'],
      ['nginx', 'nginx'],
      ['fastapi', 'python'],
      ['django', 'python'],
      ['spring', 'java'],
      ['go', 'go'],
    ]);
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
    expect(code).toContain(String(input.maxAge ?? 600));
  });

  it('never a wildcard origin, and credentials only when the request has them', () => {
    const withCredentials = snippet(credentialedPut, framework).code;
    const without = snippet(jsonPut, framework).code;
    expect(withCredentials).not.toMatch(/["']\*["']|Origin \*|AllowAnyOrigin/);
    expect(withCredentials).toMatch(
      /credentials: true|True|AllowCredentials|allowCredentials\(true\)|"true"/,
    );
    expect(without).not.toMatch(/credentials: true|=True|: True|AllowCredentials|allowCredentials|"true"/);
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
    expect(code).toContain('CORS_ALLOW_HEADERS = (*default_headers, "x-api-key")');
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

  it('go aligns the fields like gofmt and wraps the prefix handler', () => {
    const { code } = snippet(credentialedPut, 'go');
    expect(code).toContain('\tAllowCredentials: true,\n');
    expect(code).toContain('\tMaxAge:           300,\n');
    expect(code).toContain('mux.Handle("/v2/", c.Handler(apiHandler))');
  });
});
