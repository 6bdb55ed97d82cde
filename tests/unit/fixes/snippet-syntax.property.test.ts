// Every generated snippet parses in its own language, checked by the real parser wherever one runs here:
// python3's ast.parse (Flask, FastAPI, Django), gofmt -e (Go, whole file, gofmt-formatted), V8 as node --check
// (Express, and the Vite, webpack and Next.js configs), nginx -t, caddy validate, apache2 -t (with mod_headers
// and mod_rewrite), javac (Spring, against stand-ins of the Spring classes), JSON.parse (Angular's
// proxy.conf.json). ASP.NET Core's C# has no parser on this machine (no .NET SDK in Debian 12).
// Inputs are generated (fast-check) plus edge cases; each parser runs once over the whole batch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixSnippets } from '../../../src/core/fixes/fix-snippets';
import { proxyFixes } from '../../../src/core/fixes/proxy/proxy-fixes';
import type { FixInput } from '../../../src/core/fixes/types';
import { credentialedPut, jsonPut, simpleGet } from './fixtures';
import { checkApache, checkCaddy, checkNginx } from './syntax/check-configs';
import { checkGo } from './syntax/check-go';
import { checkJava } from './syntax/check-java';
import { checkJs } from './syntax/check-js';
import { checkPython } from './syntax/check-python';
import { fixInputArbitrary } from './syntax/fix-input-arbitrary';

const EDGE_CASES: FixInput[] = [
  simpleGet,
  jsonPut,
  credentialedPut,
  { ...credentialedPut, credentials: 'unknown', targetUrl: 'http://127.0.0.1:8081/' },
  { ...jsonPut, pageOrigin: 'null', targetUrl: 'http://127.0.0.1:8081/graphql' },
  {
    ...credentialedPut,
    pageOrigin: 'http://[::1]:5173',
    requestHeaders: ["x-it's", 'x-$home', 'x-a*b', 'x-`cmd`', 'x-100%', 'x-#1'],
    exposeHeaders: ['x-^total|count', 'x-%s'],
  },
];

const seed = Date.now() % 2 ** 31;
const inputs = [...EDGE_CASES, ...fc.sample(fixInputArbitrary, { numRuns: 60, seed })];
const snippets = inputs.flatMap((input) => fixSnippets(input).map((snippet) => ({ input, ...snippet })));
const proxies = inputs.flatMap((input) => proxyFixes(input).map((fix) => ({ input, ...fix })));

type Item = { input: FixInput; code: string };

/** Runs `check` over the items' code in one batch; a failure shows the input, the code and the parser's words. */
function expectAllParse(items: Item[], check: (codes: string[]) => (string | null)[]) {
  expect(items.length).toBeGreaterThan(inputs.length - 1);
  const errors = check(items.map((item) => item.code));
  const failures = items.flatMap((item, i) =>
    errors[i] ? [{ input: item.input, code: item.code, error: errors[i] }] : [],
  );
  expect(failures, `fast-check seed ${seed}`).toEqual([]);
}

const ofFramework = (...frameworks: string[]) => snippets.filter((s) => frameworks.includes(s.framework));
const ofDevServer = (devServer: string) => proxies.filter((p) => p.devServer === devServer);

describe('generated fixes parse in their own language (real parsers, batched)', { timeout: 60_000 }, () => {
  it('python3 ast.parse: Flask, FastAPI and Django snippets', () => {
    expectAllParse(ofFramework('flask', 'fastapi', 'django'), checkPython);
  });

  it('gofmt -e: the Go cors.go parses and is already gofmt-formatted', () => {
    expectAllParse(ofFramework('go'), checkGo);
  });

  it('V8 (node --check): the Express snippet and the webpack and Next.js configs as scripts, Vite as a module', () => {
    const items = [
      ...ofFramework('express').map((item) => ({ ...item, module: false })),
      ...ofDevServer('webpack').map((item) => ({ ...item, module: false })),
      ...ofDevServer('next').map((item) => ({ ...item, module: false })),
      ...ofDevServer('vite').map((item) => ({ ...item, module: true })),
    ];
    expectAllParse(items, () => checkJs(items));
  });

  it('nginx -t: every location block, with its http-level declaration', () => {
    expectAllParse(ofFramework('nginx'), checkNginx);
  });

  it('caddy validate: every Caddyfile snippet inside a site block', () => {
    expectAllParse(ofFramework('caddy'), checkCaddy);
  });

  it('apache2 -t: every snippet inside a VirtualHost, with mod_headers and mod_rewrite', () => {
    expectAllParse(ofFramework('apache'), checkApache);
  });

  it('javac: the Spring CorsConfig.java against stand-ins of the Spring 5 classes', () => {
    expectAllParse(ofFramework('spring'), checkJava);
  });

  it("JSON.parse: Angular's proxy.conf.json", () => {
    expectAllParse(ofDevServer('angular'), (codes) =>
      codes.map((code) => {
        try {
          JSON.parse(code);
          return null;
        } catch (error) {
          return String(error);
        }
      }),
    );
  });
});

describe('each parser check can fail: a snippet with a slip is refused', { timeout: 60_000 }, () => {
  const codeOf = (framework: string) =>
    fixSnippets(credentialedPut).find((s) => s.framework === framework)?.code ?? '';
  const unbalancedQuote = (code: string) =>
    code.replace('"https://app.example.com"', '"https://app.example.com');
  // Caddy and Apache read an unclosed quote to the end of the line or the next quote, and Caddy even takes a
  // missing "}" (the next lines become header fields): other slips for them.
  const withoutLine = (line: string) => (code: string) => code.replace(`\n${line}`, '');
  const misspelled = (code: string) => code.replace('respond 204', 'respnd 204');
  it.each([
    ['python3', 'django', unbalancedQuote, checkPython],
    ['gofmt', 'go', unbalancedQuote, checkGo],
    ['nginx -t', 'nginx', unbalancedQuote, checkNginx],
    ['caddy validate', 'caddy', misspelled, checkCaddy],
    ['apache2 -t', 'apache', withoutLine('</Location>'), checkApache],
    ['javac', 'spring', unbalancedQuote, checkJava],
  ] as const)('%s', (_, framework, slip, check) => {
    const broken = slip(codeOf(framework));
    expect(broken).not.toBe(codeOf(framework));
    // A good snippet first, so the blame has to land on the second one.
    const errors = check([fixSnippets(jsonPut).find((s) => s.framework === framework)?.code ?? '', broken]);
    expect(errors[0]).toBeNull();
    expect(errors[1]).toBeTruthy();
  });

  it('V8', () => {
    const code = codeOf('express').replace("'https://app.example.com'", "'https://app.example.com");
    expect(checkJs([{ code, module: false }])[0]).toMatch(/SyntaxError/);
  });

  it('the Django snippet of old, `CORS_ALLOW_HEADERS = (*default_headers)`, is a SyntaxError', () => {
    expect(checkPython(['CORS_ALLOW_HEADERS = (*default_headers)'])[0]).toMatch(/line 1/);
  });
});
