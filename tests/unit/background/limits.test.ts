// Limits and atomicity of rule changes: an import is saved whole or not at all, across both storage areas, and
// never replaces a rule of another page origin or target.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Background, startBackground } from './start-background';

vi.mock('../../../src/shared/browser', async () => (await import('./start-background')).mockBrowser());

const PAGE = 'http://localhost:5173';
const API = 'http://127.0.0.1:8081';

type Answer = {
  ok?: boolean;
  view?: { rules: { id: string }[] };
  value?: unknown;
  errors?: { message: string }[];
};

let bg: Background;
beforeEach(async () => {
  bg = await startBackground();
});
afterEach(() => vi.restoreAllMocks());

const file = (rules: unknown[]) => JSON.stringify({ format: 'cors-lens/override-rules', version: 2, rules });

describe('saving rules is all or nothing across storage.local and storage.session', () => {
  it('an import that overflows storage.local saves nothing, installs nothing, and says so', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    bg.fake.quotaBytes.local = 2_000;
    const answer = (await bg
      .send({
        type: 'rules/import',
        json: file([
          { pageOrigin: PAGE, target: `${API}/session/`, lifetime: 'session' },
          ...Array.from({ length: 20 }, (_, i) => ({
            pageOrigin: PAGE,
            target: `${API}/p${i}/`,
            lifetime: 'pinned',
          })),
        ]),
      })
      .catch((error: unknown) => ({ thrown: String(error) }))) as Answer & { thrown?: string };
    expect(answer.thrown).toBeUndefined();
    expect(answer.ok).toBe(false);
    expect(answer.errors?.[0]?.message).toMatch(/storage|space|quota/i);
    expect(bg.fake.storage.session.data.sessionRules).toBeUndefined();
    expect(bg.fake.installed()).toEqual([]);
    expect(answer.view?.rules).toEqual([]);
  });

  it('when storage.session refuses, storage.local is put back as it was', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(
      ((await bg.send({ type: 'rules/allow', pageOrigin: PAGE, target: API, lifetime: 'pinned' })) as Answer)
        .ok,
    ).toBe(true);
    const before = structuredClone(bg.fake.storage.local.data.rules);
    bg.fake.failures.push('storage.session.set');
    const answer = (await bg
      .send({
        type: 'rules/allow',
        pageOrigin: PAGE,
        target: 'http://127.0.0.1:9000',
        lifetime: 'pinned',
      })
      .catch((error: unknown) => ({ thrown: String(error) }))) as Answer & { thrown?: string };
    expect(answer.thrown).toBeUndefined();
    expect(answer.ok).toBe(false);
    expect(bg.fake.storage.local.data.rules).toEqual(before);
    expect(bg.fake.installed()).toHaveLength(1);
  });
});

describe('import replaces only the rule for the same page origin and target', () => {
  it('an imported rule that reuses the id of an unrelated rule is added beside it', async () => {
    const made = (await bg.send({
      type: 'rules/allow',
      pageOrigin: PAGE,
      target: API,
      lifetime: 'pinned',
    })) as Answer;
    const id = (made.value as { id: string }).id;
    const answer = (await bg.send({
      type: 'rules/import',
      json: file([
        { id, pageOrigin: 'http://localhost:3000', target: 'http://127.0.0.1:9999', lifetime: 'pinned' },
      ]),
    })) as Answer;
    expect(answer.ok).toBe(true);
    const rules = (answer.view?.rules ?? []) as { id: string; pageOrigin: string }[];
    expect(rules.map((r) => r.pageOrigin).sort()).toEqual(['http://localhost:3000', PAGE]);
    expect(new Set(rules.map((r) => r.id)).size).toBe(2);
    expect(bg.fake.installed()).toHaveLength(2);
  });
});

describe('caps, each with a clear message', () => {
  it('an import of more rules than the cap is refused in one message', async () => {
    const rules = Array.from({ length: 20_000 }, (_, i) => ({
      pageOrigin: PAGE,
      target: `${API}/r${i}/`,
      lifetime: 'pinned',
    }));
    const answer = (await bg.send({ type: 'rules/import', json: file(rules) })) as Answer;
    expect(answer.ok).toBe(false);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0]?.message).toMatch(/at most [\d,]+ rules/i);
    expect(bg.fake.installed()).toEqual([]);
  });

  it('an import file larger than the cap is refused before it is parsed', async () => {
    const answer = (await bg.send({ type: 'rules/import', json: ' '.repeat(20 * 1024 * 1024) })) as Answer;
    expect(answer.ok).toBe(false);
    expect(answer.errors?.[0]?.message).toMatch(/MB/);
  });

  it('thousands of invalid entries give a short error list that says how many more there were', async () => {
    const rules = Array.from({ length: 9_000 }, () => ({ pageOrigin: 'nope', target: 'nope' }));
    const answer = (await bg.send({ type: 'rules/import', json: file(rules) })) as Answer;
    expect(answer.ok).toBe(false);
    expect(answer.errors?.length).toBeLessThanOrEqual(101);
    expect(answer.errors?.at(-1)?.message).toMatch(/more/);
  });
});

describe('the rule count is capped for single changes too', () => {
  it('a rule beyond the cap is refused with a message; removing one always works', async () => {
    const rules = Array.from({ length: 10_000 }, (_, i) => ({
      id: `r${i}`,
      pageOrigin: PAGE,
      target: { origin: API, pathPrefix: `/r${i}/` },
      methods: ['GET'],
      requestHeaders: [],
      credentials: false,
      exposeHeaders: [],
      lifetime: 'pinned',
      createdAt: 0,
      expiresAt: null,
      enabled: false,
    }));
    bg.fake.storage.local.data.rules = { version: 2, overridesEnabled: true, rules };
    const refused = (await bg.send({
      type: 'rules/allow',
      pageOrigin: PAGE,
      target: 'http://127.0.0.1:9000',
    })) as Answer;
    expect(refused.ok).toBe(false);
    expect(refused.errors?.[0]?.message).toMatch(/at most 10,000 rules/);
    expect(((await bg.send({ type: 'rules/remove', id: 'r0' })) as Answer).ok).toBe(true);
  });
});

describe('stored problems are capped too', () => {
  it('thousands of unreadable saved rules give a short list of problems', async () => {
    bg.fake.storage.local.data.rules = {
      version: 2,
      overridesEnabled: true,
      rules: Array.from({ length: 5_000 }, () => ({ pageOrigin: 'nope' })),
    };
    const answer = (await bg.send({ type: 'rules/get' })) as Answer & { view: { problems: string[] } };
    expect(answer.view.problems.length).toBeLessThanOrEqual(101);
    expect(answer.view.problems.at(-1)).toMatch(/more problems/);
  });
});
