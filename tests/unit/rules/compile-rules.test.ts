import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../src/core/rules/compile-rules';
import { corsResponseHeaders } from '../../../src/core/rules/cors-response-headers';
import type { DnrRule } from '../../../src/core/rules/dnr-rule';
import { urlFilterFor } from '../../../src/core/rules/url-filter-for';
import { rule } from './fixtures';
import { matchingRules, type SimRequest } from './simulate-dnr';

const API = { origin: 'http://127.0.0.1:8081', pathPrefix: '/' };
const acao = (r: DnrRule | undefined) =>
  r?.action.responseHeaders.find((h) => h.header === 'access-control-allow-origin')?.value;
const xhr = (url: string, initiatorHost: string, tabId: number): SimRequest => ({
  url,
  initiatorHost,
  tabId,
  type: 'xmlhttprequest',
});

describe('compileRules: one override', () => {
  it('sets the exact origin and explicit lists on the target, for subresources, from the page host', () => {
    expect(compileRules([rule()], { tabsByOrigin: {} })).toEqual({
      rules: [
        {
          id: 1,
          priority: 1,
          action: {
            type: 'modifyHeaders',
            responseHeaders: [
              { header: 'access-control-allow-origin', operation: 'set', value: 'http://localhost:5173' },
              {
                header: 'access-control-allow-methods',
                operation: 'set',
                value: 'GET, HEAD, POST, PUT, PATCH, DELETE',
              },
              { header: 'access-control-allow-headers', operation: 'set', value: 'content-type' },
            ],
          },
          condition: {
            urlFilter: '|http://127.0.0.1:8081/',
            initiatorDomains: ['localhost'],
            excludedResourceTypes: ['main_frame', 'sub_frame'],
          },
        },
      ],
      ruleIds: ['r1'],
      followsTabs: false,
      problems: [],
    });
  });

  it('adds credentials, exposed headers and max-age only when asked, never a wildcard', () => {
    const headers = corsResponseHeaders(
      rule({
        credentials: true,
        methods: ['GET', 'patch'],
        requestHeaders: ['authorization', 'content-type'],
        exposeHeaders: ['x-request-id', 'etag'],
        maxAge: 600,
      }),
    );
    expect(headers).toEqual([
      { header: 'access-control-allow-origin', operation: 'set', value: 'http://localhost:5173' },
      { header: 'access-control-allow-methods', operation: 'set', value: 'GET, patch' },
      { header: 'access-control-allow-headers', operation: 'set', value: 'authorization, content-type' },
      { header: 'access-control-allow-credentials', operation: 'set', value: 'true' },
      { header: 'access-control-expose-headers', operation: 'set', value: 'x-request-id, etag' },
      { header: 'access-control-max-age', operation: 'set', value: '600' },
    ]);
  });

  it('removes the server’s Access-Control-Allow-Headers when the rule allows none', () => {
    expect(corsResponseHeaders(rule({ requestHeaders: [] }))[2]).toEqual({
      header: 'access-control-allow-headers',
      operation: 'remove',
    });
  });
});

describe('urlFilterFor: anchored on scheme://host:port/pathPrefix', () => {
  it.each<[string, string, string | undefined]>([
    ['http://127.0.0.1:8081', '/', '|http://127.0.0.1:8081/'],
    ['https://api.example.com', '/v1/', '|https://api.example.com/v1/'],
    ['http://[::1]:8080', '/api', '|http://[::1]:8080/api'],
    ['http://x.test', '/a*b', undefined],
    ['http://x.test', '/a^b', undefined],
    ['http://x.test', '/a|b', undefined],
    ['http://x.test', '/ä', undefined],
    ['http://x.test', 'no-slash', undefined],
  ])('%s %s', (origin, pathPrefix, filter) => {
    expect(urlFilterFor({ origin, pathPrefix })).toBe(filter);
  });

  it('does not let port 5173 match port 51730 (the path always starts with /)', () => {
    const [compiled] = compileRules(
      [
        rule({
          target: { origin: 'http://localhost:5173', pathPrefix: '/' },
          pageOrigin: 'http://localhost:3000',
        }),
      ],
      { tabsByOrigin: {} },
    ).rules;
    expect(compiled?.condition.urlFilter).toBe('|http://localhost:5173/');
    expect(
      matchingRules(compiled ? [compiled] : [], xhr('http://localhost:51730/x', 'localhost', 1)),
    ).toEqual([]);
    expect(
      matchingRules(compiled ? [compiled] : [], xhr('http://localhost:5173/x', 'localhost', 1)),
    ).toHaveLength(1);
  });
});

describe('compileRules: the port problem (two dev servers on one host)', () => {
  const devA = rule({ id: 'a', pageOrigin: 'http://localhost:3000', target: API });
  const devB = rule({ id: 'b', pageOrigin: 'http://localhost:5173', target: API });

  it('narrows each to its own tabs so each receives its own origin', () => {
    const out = compileRules([devA, devB], {
      tabsByOrigin: { 'http://localhost:3000': [7, 3, 7], 'http://localhost:5173': [12] },
    });
    expect(out.problems).toEqual([]);
    expect(out.rules.map((r) => [acao(r), r.condition.tabIds, r.condition.initiatorDomains])).toEqual([
      ['http://localhost:3000', [3, 7], ['localhost']],
      ['http://localhost:5173', [12], ['localhost']],
    ]);
    // Same URL, same initiator host: the tab decides, and nothing answers a worker (tabId -1).
    const url = 'http://127.0.0.1:8081/items';
    expect(matchingRules(out.rules, xhr(url, 'localhost', 3)).map(acao)).toEqual(['http://localhost:3000']);
    expect(matchingRules(out.rules, xhr(url, 'localhost', 12)).map(acao)).toEqual(['http://localhost:5173']);
    expect(matchingRules(out.rules, xhr(url, 'localhost', -1))).toEqual([]);
  });

  it('omits the one with no tab open, says why, and keeps the other narrowed', () => {
    const out = compileRules([devA, devB], { tabsByOrigin: { 'http://localhost:5173': [12] } });
    expect(out.ruleIds).toEqual(['b']);
    expect(out.rules[0]?.condition.tabIds).toEqual([12]);
    expect(out.followsTabs).toBe(true); // narrowed to a tab: tab navigations must recompile
    expect(out.rules[0]?.id).toBe(1);
    expect(out.problems).toEqual([
      'The override http://localhost:3000 → http://127.0.0.1:8081 is not applied yet: http://localhost:5173 also reads this target from localhost, and the browser tells pages on one host apart only by tab. Open http://localhost:3000 in a tab and it applies there.',
    ]);
  });

  it('treats http and https on one host as different pages too', () => {
    const secure = rule({ id: 's', pageOrigin: 'https://localhost:5173', target: API });
    const out = compileRules([devB, secure], {
      tabsByOrigin: { 'http://localhost:5173': [1], 'https://localhost:5173': [2] },
    });
    expect(out.rules.map((r) => r.condition.tabIds)).toEqual([[1], [2]]);
  });

  it('leaves rules unnarrowed (workers covered) when their targets do not overlap', () => {
    const other = rule({
      id: 'c',
      pageOrigin: 'http://localhost:3000',
      target: { origin: API.origin, pathPrefix: '/v2/' },
    });
    const mine = rule({
      id: 'd',
      pageOrigin: 'http://localhost:5173',
      target: { origin: API.origin, pathPrefix: '/v1/' },
    });
    const out = compileRules([other, mine], { tabsByOrigin: {} });
    expect(out.problems).toEqual([]);
    expect(out.rules.map((r) => r.condition.tabIds)).toEqual([undefined, undefined]);
    expect(out.followsTabs).toBe(false); // nothing narrowed: tab navigations change nothing
  });

  it('compares path prefixes case-insensitively, as urlFilter does', () => {
    const upper = rule({
      id: 'u',
      pageOrigin: 'http://localhost:3000',
      target: { origin: API.origin, pathPrefix: '/API/' },
    });
    const lower = rule({
      id: 'l',
      pageOrigin: 'http://localhost:5173',
      target: { origin: API.origin, pathPrefix: '/api/v1' },
    });
    const out = compileRules([upper, lower], {
      tabsByOrigin: { 'http://localhost:3000': [1], 'http://localhost:5173': [2] },
    });
    expect(out.rules.map((r) => r.condition.tabIds)).toEqual([[1], [2]]);
  });

  it('keeps a rule for the same page origin unnarrowed, whatever its target', () => {
    const wide = rule({ id: 'w', target: API });
    const narrow = rule({ id: 'n', target: { origin: API.origin, pathPrefix: '/v1/' }, credentials: true });
    const out = compileRules([narrow, wide], { tabsByOrigin: {} });
    expect(out.rules.map((r) => r.condition.tabIds)).toEqual([undefined, undefined]);
    // The more specific target ranks higher, so its headers win where both match.
    expect(out.rules.map((r) => r.priority)).toEqual([2, 1]);
  });
});

describe('compileRules: subdomains and determinism', () => {
  it('a parent host excludes the child hosts that have rules of their own', () => {
    const parent = rule({ id: 'p', pageOrigin: 'https://example.test', target: API });
    const child = rule({ id: 'c', pageOrigin: 'https://app.example.test', target: API });
    const grandchild = rule({ id: 'g', pageOrigin: 'https://x.app.example.test', target: API });
    const out = compileRules([parent, child, grandchild], { tabsByOrigin: {} });
    expect(out.rules.map((r) => r.condition.excludedInitiatorDomains)).toEqual([
      ['app.example.test', 'x.app.example.test'],
      ['x.app.example.test'],
      undefined,
    ]);
    const url = 'http://127.0.0.1:8081/';
    expect(matchingRules(out.rules, xhr(url, 'app.example.test', -1)).map(acao)).toEqual([
      'https://app.example.test',
    ]);
    expect(matchingRules(out.rules, xhr(url, 'www.example.test', -1)).map(acao)).toEqual([
      'https://example.test',
    ]);
  });

  it('numbers ids 1..N in input order and gives distinct priorities, longer prefixes and later rules higher', () => {
    const rules = [
      rule({ id: 'a', target: { origin: API.origin, pathPrefix: '/v1/' } }),
      rule({ id: 'b', target: { origin: 'http://127.0.0.1:9000', pathPrefix: '/' } }),
      rule({ id: 'c', target: { origin: 'http://127.0.0.1:9001', pathPrefix: '/' } }),
      rule({ id: 'd', target: { origin: API.origin, pathPrefix: '/v1/users' } }),
    ];
    const out = compileRules(rules, { tabsByOrigin: {} });
    expect(out.rules.map((r) => [r.id, r.priority])).toEqual([
      [1, 3],
      [2, 1],
      [3, 2],
      [4, 4],
    ]);
    expect(out.ruleIds).toEqual(['a', 'b', 'c', 'd']);
    expect(compileRules(structuredClone(rules), { tabsByOrigin: {} })).toEqual(out);
  });

  it('skips a corrupted rule (a second lock after validation) and says so', () => {
    const out = compileRules(
      [
        rule({ id: 'x', pageOrigin: '*' }),
        rule({ id: 'y', pageOrigin: 'http://LOCALHOST:5173' }),
        rule({ id: 'z', target: { origin: API.origin, pathPrefix: '/a*' } }),
        rule({ id: 'ok' }),
      ],
      { tabsByOrigin: {} },
    );
    expect(out.ruleIds).toEqual(['ok']);
    expect(out.rules[0]?.id).toBe(1);
    expect(out.problems).toEqual([
      'The override * → http://127.0.0.1:8081 was skipped: its page origin is not valid. Edit the rule.',
      'The override http://LOCALHOST:5173 → http://127.0.0.1:8081 was skipped: its page origin is not valid. Edit the rule.',
      'The override http://localhost:5173 → http://127.0.0.1:8081/a* was skipped: its target is not valid. Edit the rule.',
    ]);
  });

  it('compiles nothing from nothing', () => {
    expect(compileRules([], { tabsByOrigin: {} })).toEqual({
      rules: [],
      ruleIds: [],
      problems: [],
      followsTabs: false,
    });
  });
});
