// Host access asked in context: what a page asked for happens exactly once after the browser grants access,
// whether the page survived the prompt (it asks `access/complete`) or not (Chrome closes the popup: the background
// does it on permissions.onAdded), and never without the grant.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowser } from '../background/fake-browser';
import { type Background, startBackground } from '../background/start-background';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../background/start-background')).mockBrowser(),
);

const PAGE = 'http://localhost:5173';
const API = 'http://127.0.0.1:8081';
const HOSTS = ['http://localhost/*', 'http://127.0.0.1/*'];
const allowAction = { type: 'rules/allow', request: { pageOrigin: PAGE, target: API, credentials: true } };

let bg: Background;
beforeEach(async () => {
  const fake = new FakeBrowser();
  fake.hostAccess = new Set();
  bg = await startBackground(fake);
});

const rules = async () =>
  ((await bg.send({ type: 'rules/get' })) as { view: { rules: unknown[] } }).view.rules;
const complete = (id: string) =>
  bg.send({ type: 'access/complete', id }) as Promise<{ state: string; result?: unknown }>;

describe('access asked in context', () => {
  it('a page closed by the prompt: the background makes the rule once access is granted', async () => {
    expect(
      await bg.send({ type: 'access/after-grant', id: 'g1', origins: HOSTS, action: allowAction }),
    ).toEqual({});
    expect(await rules()).toEqual([]); // nothing before the grant
    bg.fake.grant(HOSTS);
    await bg.settle();
    expect(await rules()).toHaveLength(1);
    // A later check (e.g. the popup reopened) finds it done, and nothing runs twice.
    const state = await complete('g1');
    expect(state.state).toBe('done');
    expect((state.result as { value: { pageOrigin: string; credentials: boolean } }).value).toMatchObject({
      pageOrigin: PAGE,
      credentials: true,
    });
    bg.fake.grant(HOSTS);
    await bg.settle();
    expect(await rules()).toHaveLength(1);
    expect(bg.fake.installed()).toHaveLength(1);
  });

  it('a page that survived the prompt gets the action’s answer, and onAdded after it changes nothing', async () => {
    await bg.send({ type: 'access/after-grant', id: 'g2', origins: HOSTS, action: allowAction });
    (bg.fake.hostAccess as Set<string>).add(HOSTS[0] ?? '').add(HOSTS[1] ?? '');
    const state = await complete('g2');
    expect(state.state).toBe('done');
    const created = (state.result as { value: { id: string } }).value.id;
    bg.fake.grant(HOSTS);
    await bg.settle();
    const all = (await rules()) as { id: string }[];
    expect(all.map((r) => r.id)).toEqual([created]);
  });

  it('never acts without the grant: waiting, then declined, and nothing is made', async () => {
    await bg.send({ type: 'access/after-grant', id: 'g3', origins: HOSTS, action: allowAction });
    expect((await complete('g3')).state).toBe('waiting');
    expect((await bg.send({ type: 'access/decline', id: 'g3' })) as { state: string }).toEqual({
      state: 'declined',
    });
    bg.fake.grant(HOSTS); // access given later, for something else: the declined request stays declined
    await bg.settle();
    expect((await complete('g3')).state).toBe('declined');
    expect(await rules()).toEqual([]);
  });

  it('a grant for other hosts does not complete it', async () => {
    await bg.send({ type: 'access/after-grant', id: 'g4', origins: HOSTS, action: allowAction });
    bg.fake.grant(['http://localhost/*']);
    await bg.settle();
    expect((await complete('g4')).state).toBe('waiting');
    expect(await rules()).toEqual([]);
  });

  it('forgets a request after ten minutes', async () => {
    const now = Date.now();
    await bg.send({ type: 'access/after-grant', id: 'g5', origins: HOSTS, action: allowAction });
    vi.spyOn(Date, 'now').mockReturnValue(now + 11 * 60_000);
    bg.fake.grant(HOSTS);
    await bg.settle();
    expect((await complete('g5')).state).toBe('unknown');
    expect(await rules()).toEqual([]);
    vi.restoreAllMocks();
  });

  it('a context without the permissions API gets a CORS Lens window that asks, described by id', async () => {
    const origins = ['http://*/*', 'https://*/*'];
    await bg.send({ type: 'access/open-grant-page', id: 'g6', origins, action: { type: 'capture' } });
    expect(bg.fake.windowsCreated).toEqual([
      expect.objectContaining({ type: 'popup', url: 'chrome-extension://test/src/grant/index.html?id=g6' }),
    ]);
    expect(await bg.send({ type: 'access/describe', id: 'g6' })).toEqual({ origins, action: 'capture' });
    bg.fake.grant(origins);
    await bg.settle();
    expect(await complete('g6')).toEqual({ state: 'done', result: null });
  });

  it('refuses malformed requests with field errors, and unknown ids as unknown', async () => {
    const answer = (await bg.send({
      type: 'access/after-grant',
      id: 'x y',
      origins: ['<all_urls>'],
      action: { type: 'rules/remove' },
    })) as { errors: { field: string }[] };
    expect(answer.errors.map((e) => e.field)).toEqual(['id', 'origins', 'action']);
    // Only the debugger permission may be asked, and a request asks for something.
    const tabs = (await bg.send({
      type: 'access/after-grant',
      id: 'p1',
      origins: [],
      permissions: ['tabs'],
      action: { type: 'capture' },
    })) as { errors: { field: string }[] };
    expect(tabs.errors.map((e) => e.field)).toEqual(['permissions']);
    const nothing = (await bg.send({
      type: 'access/after-grant',
      id: 'p2',
      origins: [],
      action: { type: 'capture' },
    })) as {
      errors: { field: string }[];
    };
    expect(nothing.errors.map((e) => e.field)).toEqual(['origins']);
    expect(await complete('never-made')).toEqual({ state: 'unknown' });
    expect(await bg.send({ type: 'access/describe', id: 42 })).toEqual({ missing: true });
  });

  it('runs the action as its message, parsed like any other: a bad rule is refused, not made', async () => {
    const bad = { type: 'rules/allow', request: { pageOrigin: 'http://%2A', target: API } };
    await bg.send({ type: 'access/after-grant', id: 'g7', origins: HOSTS, action: bad });
    bg.fake.grant(HOSTS);
    await bg.settle();
    const state = await complete('g7');
    expect(state.state).toBe('done');
    expect((state.result as { ok: boolean }).ok).toBe(false);
    expect(await rules()).toEqual([]);
  });
});
