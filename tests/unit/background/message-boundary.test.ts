// Every message is parsed where it arrives: whatever a context (or a compromised page script talking to it)
// sends, the background answers with field errors or a result, never throws, and never installs an override
// wider than the page origin and the target the message named.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Background, startBackground } from './start-background';

vi.mock('../../../src/shared/browser', async () => (await import('./start-background')).mockBrowser());

const PAGE = 'http://localhost:5173';
const API = 'http://127.0.0.1:8081';

let bg: Background;
beforeEach(async () => {
  bg = await startBackground();
});
afterEach(() => vi.restoreAllMocks());

type Answer = {
  ok?: boolean;
  view?: unknown;
  value?: unknown;
  errors?: { field: string; message: string }[];
};

describe('rules/allow is parsed before anything is stored or installed', () => {
  it('without fields it is refused with a message per missing field', async () => {
    const answer = (await bg.send({ type: 'rules/allow' })) as Answer;
    expect(answer.ok).toBe(false);
    expect(answer.errors?.map((e) => e.field).sort()).toEqual(['pageOrigin', 'target']);
    expect(bg.fake.installed()).toEqual([]);
    expect(JSON.stringify(bg.fake.storage.local.data)).not.toContain('undefined');
  });

  it('a page origin whose serialization is a wildcard ("http://%2A") is refused', async () => {
    const answer = (await bg.send({ type: 'rules/allow', pageOrigin: 'http://%2A', target: API })) as Answer;
    expect(answer.ok).toBe(false);
    expect(answer.errors?.[0]?.field).toBe('pageOrigin');
    expect(bg.fake.installed()).toEqual([]);
  });

  it('a field that cannot be turned into text gets a field error, not a TypeError', async () => {
    const hostile = { toString: 42 };
    const answer = (await bg.send({ type: 'rules/allow', pageOrigin: hostile, target: API })) as Answer;
    expect(answer.ok).toBe(false);
    expect(answer.errors?.[0]?.field).toBe('pageOrigin');
  });

  it('more request header names than a rule can carry are refused with a clear message', async () => {
    const requestHeaders = Array.from({ length: 80_000 }, (_, i) => `x-h${i}`);
    const answer = (await bg.send({
      type: 'rules/allow',
      pageOrigin: PAGE,
      target: API,
      requestHeaders,
    })) as Answer;
    expect(answer.ok).toBe(false);
    expect(answer.errors?.[0]).toMatchObject({ field: 'requestHeaders' });
    expect(answer.errors?.[0]?.message).toMatch(/at most \d+/i);
    expect(bg.fake.installed()).toEqual([]);
  });
});

describe('one answer shape for every rules message: { view, value } or { view, errors }', () => {
  it.each([
    [{ type: 'rules/get' }],
    [{ type: 'rules/remove', id: 'nope' }],
    [{ type: 'rules/extend', id: 'nope' }],
    [{ type: 'rules/set-rule-enabled', id: 'nope', enabled: true }],
    [{ type: 'rules/set-enabled', enabled: false }],
    [{ type: 'rules/export' }],
    [{ type: 'rules/import', json: '{}' }],
    [{ type: 'rules/save', draft: {} }],
    [{ type: 'rules/allow', pageOrigin: PAGE, target: API }],
  ])('%j', async (message) => {
    const answer = (await bg.send(message)) as Answer;
    expect(answer.view).toMatchObject({ rules: expect.any(Array), activeIds: expect.any(Array) });
    expect('value' in answer !== 'errors' in answer).toBe(true);
    if (answer.errors) expect(answer.errors.length).toBeGreaterThan(0);
  });

  it('a rule id that does not exist is an error, not a silent success', async () => {
    for (const type of ['rules/remove', 'rules/extend', 'rules/set-rule-enabled']) {
      const answer = (await bg.send({ type, id: 'no-such-rule', enabled: true })) as Answer;
      expect(answer.errors?.[0]?.field).toBe('id');
    }
  });
});

describe('the panel port', () => {
  it('a subscribe for something that is not a tab id is ignored: no snapshot, nothing read', async () => {
    const posted: unknown[] = [];
    const port = {
      name: 'cors-lens/panel',
      postMessage: (m: unknown) => posted.push(m),
      onMessage: new (await import('./fake-browser')).FakeEvent(),
      onDisconnect: new (await import('./fake-browser')).FakeEvent(),
    };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    bg.fake.runtime.onConnect.fire(port);
    for (const tabId of [-1, 1.5, Number.NaN, '3', null]) port.onMessage.fire({ type: 'subscribe', tabId });
    await bg.settle();
    expect(posted).toEqual([]);
    port.onMessage.fire({ type: 'subscribe', tabId: 3 });
    await bg.settle();
    expect(posted).toHaveLength(1);
  });
});

// A payload field: anything JSON-like, objects with hostile toString/valueOf, and values near the valid ones.
const hostile = fc.constantFrom<unknown>(
  { toString: 42 },
  { toString: () => PAGE },
  { valueOf: () => 1 },
  Object.create(null),
  [PAGE],
  'http://%2A',
  'http://*',
  'https://undefined',
  'http://localhost:5173/',
  'http://[::1]:3000',
  'HTTP://LOCALHOST:5173',
  'javascript:alert(1)',
  'http://user:pw@localhost:5173',
  'http://a..b',
  '',
);
const field = fc.oneof(fc.anything(), hostile, fc.constantFrom(PAGE, API, 'http://127.0.0.1:9000/v1/'));
const MESSAGE_NAMES = [
  'ping',
  'rules/get',
  'rules/allow',
  'rules/save',
  'rules/remove',
  'rules/extend',
  'rules/set-rule-enabled',
  'rules/set-enabled',
  'rules/import',
  'rules/export',
  'tab/targets',
] as const;
const payload = fc.record(
  {
    pageOrigin: field,
    target: field,
    lifetime: fc.oneof(field, fc.constantFrom('15m', '1h', 'pinned')),
    credentials: field,
    methods: fc.oneof(field, fc.array(field, { maxLength: 5 })),
    requestHeaders: fc.oneof(field, fc.array(field, { maxLength: 5 })),
    id: field,
    enabled: field,
    json: field,
    tabId: field,
    draft: fc.oneof(field, fc.record({ pageOrigin: field, target: field, methods: field, lifetime: field })),
  },
  { requiredKeys: [] },
);

/** The origins a typed value can name: itself parsed, or with the scheme the validation may assume. */
function namedOrigins(typed: unknown): string[] {
  const text = typeof typed === 'string' ? typed.trim() : '';
  const parse = (candidate: string) => {
    try {
      return [new URL(candidate).origin];
    } catch {
      return [];
    }
  };
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
    ? parse(text)
    : [...parse(`http://${text}`), ...parse(`https://${text}`)];
}

/** What an installed DNR rule lets through: the page host it matches and the origin it answers with. */
function checkInstalled(bg: Background, allowed: Set<string>): void {
  for (const rule of bg.fake.installed()) {
    const acao =
      rule.action.responseHeaders.find((h) => h.header === 'access-control-allow-origin')?.value ?? '';
    const url = new URL(acao);
    expect(url.origin).toBe(acao); // a serialized origin, never a wildcard or a list
    expect(url.hostname).toMatch(/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/);
    expect(rule.condition.initiatorDomains).toEqual([url.hostname]);
    const target = rule.condition.urlFilter?.slice(1) ?? '';
    expect(allowed.has(`${acao} ${new URL(target).origin}`)).toBe(true);
  }
}

describe('property: any payload, any message', () => {
  it('never throws and never installs a rule beyond the page origin and target it named', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...MESSAGE_NAMES), payload), { minLength: 1, maxLength: 4 }),
        async (messages) => {
          bg = await startBackground();
          const allowed = new Set<string>();
          for (const [type, body] of messages) {
            const answer = (await bg.send({ ...body, type })) as Answer | undefined;
            expect(answer).toBeDefined();
            const value = answer?.value as
              | { pageOrigin?: unknown; target?: { origin?: unknown } }
              | undefined;
            if (
              answer?.ok &&
              typeof value?.pageOrigin === 'string' &&
              typeof value.target?.origin === 'string'
            ) {
              // The rule's origins are the ones the message named, serialized: never wider.
              const source = type === 'rules/save' ? (body.draft as Record<string, unknown>) : body;
              expect(namedOrigins(source.pageOrigin)).toContain(value.pageOrigin);
              expect(namedOrigins(source.target)).toContain(value.target.origin);
              allowed.add(`${value.pageOrigin} ${value.target.origin}`);
            }
            checkInstalled(bg, allowed);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
