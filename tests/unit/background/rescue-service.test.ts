// The background's side of answering preflights, against a fake browser and a fake chrome.debugger: which tabs it
// attaches to and when it lets go, that every paused request gets an answer whatever happens, and what a cancel
// on the browser's debugging bar does. The real protocol is exercised in tests/e2e/rescue-chromium.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OverrideRule } from '../../../src/core/rules';
import { FakeBrowser } from './fake-browser';
import { FakeDebugger } from './fake-debugger';
import { type Background, startBackground } from './start-background';

vi.mock('../../../src/shared/browser', async () => (await import('./start-background')).mockBrowser());

const PAGE = 'http://localhost:5173';
const API = 'http://127.0.0.1:8081';
const PAGE_TAB = 4;
const OTHER_TAB = 5;

let bg: Background;
let dbg: FakeDebugger;
beforeEach(async () => {
  const fake = new FakeBrowser();
  dbg = new FakeDebugger();
  fake.debugger = dbg;
  fake.openTabs = [
    { id: PAGE_TAB, url: `${PAGE}/app` },
    { id: OTHER_TAB, url: 'http://localhost:3000/' },
  ];
  bg = await startBackground(fake);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

async function rescuingRule(): Promise<OverrideRule> {
  const answer = (await bg.send({
    type: 'rules/allow',
    pageOrigin: PAGE,
    target: `${API}/api/`,
    answerPreflights: true,
  })) as { ok: boolean; value: OverrideRule };
  expect(answer.ok).toBe(true);
  await bg.settle();
  return answer.value;
}

/** A new service worker: the old one's listeners are gone with it, only storage and the session remain. */
async function restartWorker(): Promise<void> {
  for (const event of [
    dbg.onEvent,
    dbg.onDetach,
    bg.fake.storage.onChanged,
    bg.fake.storage.local.onChanged,
    bg.fake.runtime.onMessage,
  ])
    event.listeners.length = 0;
  bg = await startBackground(bg.fake);
}

const preflight = (extra: Record<string, unknown> = {}) => ({
  requestId: `f${Math.random()}`,
  request: {
    method: 'OPTIONS',
    url: `${API}/api/x`,
    headers: { Origin: PAGE, 'Access-Control-Request-Method': 'PUT' },
  },
  ...extra,
});

describe('rescue service: attaching', () => {
  it('attaches to the tabs of the page origin only, paused on the rule’s target, and lets go when switched off', async () => {
    const rule = await rescuingRule();
    expect([...dbg.attached]).toEqual([PAGE_TAB]);
    expect(dbg.commands).toContainEqual({
      tabId: PAGE_TAB,
      method: 'Fetch.enable',
      params: { patterns: [{ urlPattern: `${API}/api/*`, requestStage: 'Response' }] },
    });
    const view = (await bg.send({ type: 'rules/get' })) as { view: { rescue: unknown } };
    expect(view.view.rescue).toEqual({
      supported: true,
      granted: true,
      tabsByRule: { [rule.id]: [PAGE_TAB] },
    });
    await bg.send({ type: 'rules/set-answer-preflights', id: rule.id, enabled: false });
    await bg.settle();
    expect([...dbg.attached]).toEqual([]);
  });

  it('a plain override attaches nothing and adds no Location rule', async () => {
    await bg.send({ type: 'rules/allow', pageOrigin: PAGE, target: API });
    await bg.settle();
    expect(dbg.attached.size).toBe(0);
    expect(bg.fake.installed()).toHaveLength(1);
  });

  it('adds the Location rule for OPTIONS while the rule is in force', async () => {
    await rescuingRule();
    const location = bg.fake
      .installed()
      .filter((r) => r.action.responseHeaders.some((h) => h.header === 'location'));
    expect(location).toHaveLength(1);
    expect(location[0]?.condition.requestMethods).toEqual(['options']);
  });

  it('the global switch and removing the rule detach too', async () => {
    const rule = await rescuingRule();
    await bg.send({ type: 'rules/set-enabled', enabled: false });
    await bg.settle();
    expect(dbg.attached.size).toBe(0);
    await bg.send({ type: 'rules/set-enabled', enabled: true });
    await bg.settle();
    expect([...dbg.attached]).toEqual([PAGE_TAB]);
    await bg.send({ type: 'rules/remove', id: rule.id });
    await bg.settle();
    expect(dbg.attached.size).toBe(0);
  });

  it('a tab that cannot be attached is reported, and the others still are', async () => {
    bg.fake.openTabs.push({ id: 9, url: `${PAGE}/other` });
    dbg.refuse.add(9);
    await rescuingRule();
    const answer = (await bg.send({ type: 'rules/get' })) as { view: { problems: string[] } };
    expect([...dbg.attached]).toEqual([PAGE_TAB]);
    expect(answer.view.problems).toEqual([
      'CORS Lens could not answer preflights in tab 9 (Cannot access tab 9).',
    ]);
  });

  it('allowing the target again keeps the option as it was unless told otherwise', async () => {
    await rescuingRule();
    const again = (await bg.send({ type: 'rules/allow', pageOrigin: PAGE, target: `${API}/api/` })) as {
      value: OverrideRule;
    };
    expect(again.value.answerPreflights).toBe(true);
    const off = (await bg.send({
      type: 'rules/allow',
      pageOrigin: PAGE,
      target: `${API}/api/`,
      answerPreflights: false,
    })) as { value: OverrideRule };
    expect(off.value.answerPreflights).toBeUndefined();
  });

  it('a session the browser ended (tab closed) is forgotten, and the next change attaches again if needed', async () => {
    const rule = await rescuingRule();
    dbg.endSession(PAGE_TAB, 'target_closed');
    await bg.settle();
    await bg.send({ type: 'rules/get' });
    await bg.settle();
    expect([...dbg.attached]).toEqual([PAGE_TAB]);
    const view = (await bg.send({ type: 'rules/get' })) as { view: { rescue: { tabsByRule: object } } };
    expect(view.view.rescue.tabsByRule).toEqual({ [rule.id]: [PAGE_TAB] });
  });

  it('a tab leaving for a host CORS Lens cannot see (no url reported) is let go as it starts loading', async () => {
    await rescuingRule();
    bg.fake.openTabs[0] = { id: PAGE_TAB }; // no access to its new host: no url
    bg.fake.tabs.onUpdated.fire(PAGE_TAB, { status: 'loading' });
    await bg.settle();
    expect(dbg.attached.size).toBe(0);
  });

  it('Cancel on the debugging bar switches the option off on every rule', async () => {
    const rule = await rescuingRule();
    dbg.endSession(PAGE_TAB, 'canceled_by_user');
    await bg.settle();
    const answer = (await bg.send({ type: 'rules/get' })) as { view: { rules: OverrideRule[] } };
    expect(answer.view.rules.find((r) => r.id === rule.id)?.answerPreflights).toBeUndefined();
    expect(dbg.attached.size).toBe(0);
  });
});

describe('rescue service: every paused request gets an answer', () => {
  it('answers a preflight the server refused with the rule’s 204 (paused with the server’s answer)', async () => {
    await rescuingRule();
    const first = preflight({ responseStatusCode: 401, responseHeaders: [] });
    dbg.paused(PAGE_TAB, first);
    await bg.settle();
    expect(dbg.answers()).toEqual([
      [
        'Fetch.fulfillRequest',
        {
          requestId: first.requestId,
          responseCode: 204,
          responseHeaders: [
            { name: 'access-control-allow-origin', value: PAGE },
            { name: 'access-control-allow-methods', value: 'GET, HEAD, POST, PUT, PATCH, DELETE' },
            { name: 'access-control-allow-headers', value: 'content-type' },
          ],
        },
      ],
    ]);
  });

  it('everything else goes on untouched: the actual request, another origin’s preflight', async () => {
    await rescuingRule();
    const actual = {
      requestId: 'a',
      request: { method: 'PUT', url: `${API}/api/x`, headers: { Origin: PAGE } },
    };
    const foreign = preflight({ requestId: 'b' });
    foreign.request.headers = { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'PUT' };
    dbg.paused(PAGE_TAB, actual);
    dbg.paused(PAGE_TAB, foreign);
    await bg.settle();
    expect(dbg.answers()).toEqual([
      ['Fetch.continueRequest', { requestId: 'a' }],
      ['Fetch.continueRequest', { requestId: 'b' }],
    ]);
  });

  it('a worker that starts afresh answers from the stored rules', async () => {
    await rescuingRule();
    await restartWorker(); // no memory of the rules
    const first = preflight();
    dbg.paused(PAGE_TAB, { ...first, responseStatusCode: 404 });
    await bg.settle();
    expect(dbg.answers().at(-1)?.[0]).toBe('Fetch.fulfillRequest');
  });

  it('unreadable rules: the request still goes on, untouched', async () => {
    await rescuingRule();
    // Unreadable for the woken worker's own start-up check too, so it holds no rules from before.
    bg.fake.failures.push('storage.local.get', 'storage.local.get');
    await restartWorker();
    dbg.paused(PAGE_TAB, { ...preflight({ requestId: 'c' }), responseStatusCode: 401 });
    await bg.settle();
    expect(dbg.answers().at(-1)).toEqual(['Fetch.continueRequest', { requestId: 'c' }]);
  });
});
