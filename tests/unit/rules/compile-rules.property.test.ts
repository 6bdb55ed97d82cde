// Property: for every valid combination of options, and every open-tab layout, the compiled DNR rules make the
// browser's CORS checks pass for the page the rule names — and only ever answer a request with one origin.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corsCheck } from '../../../src/core/cors/cors-check';
import { corsPreflightCheck } from '../../../src/core/cors/cors-preflight-check';
import { compileRules } from '../../../src/core/rules/compile-rules';
import type { DnrRule } from '../../../src/core/rules/dnr-rule';
import { parseRuleDraft } from '../../../src/core/rules/parse-rule-draft';
import type { OverrideRule } from '../../../src/core/rules/types';
import { NOW } from './fixtures';
import { applyModifyHeaders, matchingRules, type SimRequest } from './simulate-dnr';

// Small pools so that collisions (same host, other port; subdomains; overlapping prefixes) are frequent.
const PAGE_ORIGINS = [
  'http://localhost:3000',
  'http://localhost:5173',
  'https://localhost:5173',
  'http://127.0.0.1:3000',
  'https://example.test',
  'https://app.example.test',
  'http://x.app.example.test:8080',
];
const TARGET_ORIGINS = ['http://127.0.0.1:8081', 'https://api.example.test', 'http://localhost:9000'];
const PREFIXES = ['/', '/v1/', '/v1', '/V1/', '/v1/users', '/v2/'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'patch', 'PROPFIND'];
const HEADERS = ['content-type', 'authorization', 'x-request-id', 'x-api-key'];
const EXPOSE = ['x-request-id', 'x-total-count', 'etag'];
// What a server may already send: nothing, or values the override must replace or survive.
const SERVER_HEADERS: [string, string][][] = [
  [],
  [['Access-Control-Allow-Origin', '*']],
  [
    ['Access-Control-Allow-Origin', 'http://elsewhere.test'],
    ['Access-Control-Allow-Methods', '*'],
    ['Access-Control-Allow-Headers', 'bad header, "x"'],
    ['Access-Control-Allow-Credentials', 'false'],
  ],
  [
    ['access-control-allow-origin', 'http://a.test, http://b.test'],
    ['access-control-allow-methods', 'GET'],
  ],
];

const draftArb = fc.record({
  pageOrigin: fc.constantFrom(...PAGE_ORIGINS),
  target: fc.tuple(fc.constantFrom(...TARGET_ORIGINS), fc.constantFrom(...PREFIXES)).map(([o, p]) => o + p),
  methods: fc.subarray(METHODS, { minLength: 1 }),
  requestHeaders: fc.subarray(HEADERS),
  exposeHeaders: fc.subarray(EXPOSE),
  credentials: fc.boolean(),
  maxAge: fc.option(fc.integer({ min: 0, max: 86_400 }), { nil: undefined }),
  lifetime: fc.constantFrom('15m', '1h', '8h', 'session', 'pinned'),
});

// 0..2 tabs per page origin, plus one tab at an origin no rule names; ids are unique across origins.
const tabsArb = fc
  .array(fc.nat({ max: 2 }), { minLength: PAGE_ORIGINS.length, maxLength: PAGE_ORIGINS.length })
  .map((counts) => {
    const tabsByOrigin: Record<string, number[]> = { 'http://localhost:4000': [900] };
    let next = 1;
    PAGE_ORIGINS.forEach((origin, i) => {
      const ids: number[] = [];
      for (let n = 0; n < (counts[i] ?? 0); n++) ids.push(next++);
      if (ids.length > 0) tabsByOrigin[origin] = ids;
    });
    return tabsByOrigin;
  });

function parseAll(drafts: unknown[]): OverrideRule[] {
  return drafts.map((draft, i) => {
    const parsed = parseRuleDraft(draft, NOW, () => `r${i}`);
    if (!parsed.ok) throw new Error(`generated draft rejected: ${JSON.stringify(parsed.errors)}`);
    return parsed.rule;
  });
}

const header = (rule: DnrRule, name: string) => rule.action.responseHeaders.find((h) => h.header === name);
const list = (value: string | undefined) =>
  value === undefined ? [] : value.split(',').map((s) => s.trim());
const hostOf = (origin: string) => new URL(origin).hostname;

const URL_SUFFIXES = ['', 'x', '/x', 'users/1'];
const INITIATOR_HOSTS = [
  ...new Set(PAGE_ORIGINS.map(hostOf)),
  'other.test',
  'b.example.test',
  'dev.localhost',
];

const ALL_URLS = TARGET_ORIGINS.flatMap((o) => PREFIXES.flatMap((p) => URL_SUFFIXES.map((s) => o + p + s)));

const runs = { numRuns: 200 };

describe('compileRules: properties', () => {
  it('every compiled rule carries exactly its override’s headers, never a wildcard', () => {
    fc.assert(
      fc.property(fc.array(draftArb, { maxLength: 8 }), tabsArb, (drafts, tabsByOrigin) => {
        const rules = parseAll(drafts);
        const out = compileRules(rules, { tabsByOrigin });
        expect(out.rules).toHaveLength(out.ruleIds.length);
        // Every rule is either compiled or explained.
        expect(out.rules.length + out.problems.length).toBe(rules.length);
        out.rules.forEach((compiled, i) => {
          const source = rules.find((r) => r.id === out.ruleIds[i]);
          if (source === undefined) throw new Error('ruleIds must name an input rule');
          expect(compiled.id).toBe(i + 1);
          expect(
            compiled.action.responseHeaders.every((h) => h.operation === 'set' || h.operation === 'remove'),
          ).toBe(true);
          expect(compiled.action.responseHeaders.some((h) => (h.operation as string) === 'append')).toBe(
            false,
          );
          const acao = header(compiled, 'access-control-allow-origin');
          expect(acao).toEqual({
            header: 'access-control-allow-origin',
            operation: 'set',
            value: source.pageOrigin,
          });
          expect(acao?.value).not.toBe('*');
          const acac = header(compiled, 'access-control-allow-credentials');
          expect(acac?.value).toBe(source.credentials ? 'true' : undefined);
          for (const name of [
            'access-control-allow-methods',
            'access-control-allow-headers',
            'access-control-expose-headers',
          ]) {
            expect(list(header(compiled, name)?.value)).not.toContain('*');
          }
          const acam = list(header(compiled, 'access-control-allow-methods')?.value);
          for (const method of source.methods) expect(acam).toContain(method); // case preserved
          const acah = list(header(compiled, 'access-control-allow-headers')?.value);
          for (const name of source.requestHeaders) expect(acah).toContain(name);
          expect(list(header(compiled, 'access-control-expose-headers')?.value)).toEqual(
            source.exposeHeaders,
          );
          expect(header(compiled, 'access-control-max-age')?.value).toBe(
            source.maxAge === undefined ? undefined : String(source.maxAge),
          );
          // The urlFilter matches the target, and neither the origin on another port nor a frame load.
          const base = `${source.target.origin}${source.target.pathPrefix}`;
          const host = hostOf(source.pageOrigin);
          const tab = compiled.condition.tabIds?.[0] ?? -1;
          expect(
            matchingRules([compiled], {
              url: `${base}x`,
              initiatorHost: host,
              tabId: tab,
              type: 'xmlhttprequest',
            }),
          ).toHaveLength(1);
          const otherPort = base.replace(
            /^(https?:\/\/[^/]+?)(:\d+)?\//,
            (_, hostPart: string, port?: string) => `${hostPart}:${port ? `${port.slice(1)}1` : '1'}/`,
          );
          expect(
            matchingRules([compiled], {
              url: otherPort,
              initiatorHost: host,
              tabId: tab,
              type: 'xmlhttprequest',
            }),
          ).toEqual([]);
          expect(
            matchingRules([compiled], {
              url: `${base}x`,
              initiatorHost: host,
              tabId: tab,
              type: 'sub_frame',
            }),
          ).toEqual([]);
        });
      }),
      runs,
    );
  }, 60_000);

  it('no request in any tab is answered by two rules with different origins', () => {
    fc.assert(
      fc.property(fc.array(draftArb, { maxLength: 8 }), tabsArb, (drafts, tabsByOrigin) => {
        const out = compileRules(parseAll(drafts), { tabsByOrigin });
        const tabIds = [-1, 999, ...Object.values(tabsByOrigin).flat()];
        for (const url of ALL_URLS) {
          for (const initiatorHost of INITIATOR_HOSTS) {
            for (const tabId of tabIds) {
              const request: SimRequest = { url, initiatorHost, tabId, type: 'xmlhttprequest' };
              const origins = new Set(
                matchingRules(out.rules, request).map((r) => header(r, 'access-control-allow-origin')?.value),
              );
              // A plain throw: an expect() per request would make this property too slow to run often.
              if (origins.size > 1)
                throw new Error(`${JSON.stringify(request)} answered with ${[...origins].join(' and ')}`);
            }
          }
        }
      }),
      runs,
    );
  }, 60_000);

  it('the page a rule names passes the Fetch CORS-preflight and CORS checks, whatever the server sent', () => {
    fc.assert(
      fc.property(
        fc.array(draftArb, { minLength: 1, maxLength: 8 }),
        tabsArb,
        fc.constantFrom(...SERVER_HEADERS),
        fc.constantFrom(...URL_SUFFIXES),
        (drafts, tabsByOrigin, server, suffix) => {
          const rules = parseAll(drafts);
          const out = compileRules(rules, { tabsByOrigin });
          out.ruleIds.forEach((id, i) => {
            const source = rules.find((r) => r.id === id);
            const compiled = out.rules[i];
            if (source === undefined || compiled === undefined) throw new Error('ruleIds out of step');
            // A request the rule covers, from the page it names: from its tab when narrowed, else from a worker.
            const request: SimRequest = {
              url: `${source.target.origin}${source.target.pathPrefix}${suffix}`,
              initiatorHost: hostOf(source.pageOrigin),
              tabId: compiled.condition.tabIds?.[0] ?? -1,
              type: 'xmlhttprequest',
            };
            const matching = matchingRules(out.rules, request);
            expect(matching).toContain(compiled);
            // Where a more specific rule of the same page wins, its options are the ones in force.
            const winner = rules.find((r) => r.id === out.ruleIds[(matching[0]?.id ?? 0) - 1]);
            if (winner === undefined) throw new Error('no winner');
            expect(winner.pageOrigin).toBe(source.pageOrigin);
            const headers = applyModifyHeaders(server, matching);
            const credentials = winner.credentials ? 'include' : 'same-origin';
            const requestHeaders: [string, string][] = winner.requestHeaders.map((name) => [
              name,
              name === 'content-type' ? 'application/json' : 'v',
            ]);
            for (const method of winner.methods) {
              const failure = corsPreflightCheck({
                status: 204,
                headers,
                method,
                requestHeaders,
                credentials,
                origin: winner.pageOrigin,
              });
              expect(failure, `${method} ${JSON.stringify(headers)}`).toBeUndefined();
            }
            const get = (name: string) => headers.filter(([n]) => n === name).map(([, v]) => v);
            expect(get('access-control-allow-origin')).toEqual([winner.pageOrigin]);
            expect(
              corsCheck({
                allowOrigin: get('access-control-allow-origin')[0],
                allowCredentials: get('access-control-allow-credentials')[0],
                credentials,
                origin: winner.pageOrigin,
              }),
            ).toBeUndefined();
          });
        },
      ),
      runs,
    );
  }, 60_000);
});
