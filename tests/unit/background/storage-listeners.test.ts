// The log mirror writes storage.session on every busy page load (hundreds of records, old and new values): no
// context of CORS Lens may listen to every storage change, or each write comes back to it as an event. The rules'
// caches follow the rules' own saves instead.
import { expect, it, vi } from 'vitest';
import { type Background, freshBackgroundOnFakeClock } from './start-background';
import { API, allowOverride, completeRequest, connectPanel, fire, request } from './web-request-script';

vi.mock('../../../src/shared/browser', async () => (await import('./start-background')).mockBrowser());

let bg: Background;
freshBackgroundOnFakeClock((started) => {
  bg = started;
});

type Entry = { record: { request: { url: string } }; override?: { ruleId: string } };

async function capture(url: string, id: string): Promise<void> {
  fire(bg, 'onBeforeRequest', request(id, url));
  completeRequest(bg, id, url);
  await bg.settle();
  await vi.advanceTimersByTimeAsync(100);
  await bg.settle();
}

it('capturing and mirroring the log leave no listener for every storage change', async () => {
  connectPanel(bg);
  await bg.settle();
  await capture(`${API}/one`, '1');
  await vi.advanceTimersByTimeAsync(6_000); // the mirror has written
  await bg.settle();
  expect(Object.keys(bg.fake.storage.session.data).some((k) => k.includes('1'))).toBe(true);
  expect(bg.fake.storage.onChanged.listeners).toHaveLength(0);
  expect(bg.fake.storage.session.onChanged.listeners).toHaveLength(0);
});

it('an override saved while capturing judges the next exchange, and its removal the one after', async () => {
  const posted = connectPanel(bg);
  await bg.settle();
  const id = await allowOverride(bg, '15m');
  await bg.settle();
  await capture(`${API}/under-rule`, '2');
  await bg.send({ type: 'rules/remove', id });
  await bg.settle();
  await capture(`${API}/after-rule`, '3');
  const last = (url: string) =>
    (posted.flatMap((m) => m.entries ?? []) as Entry[]).filter((e) => e.record.request.url === url).at(-1);
  expect(last(`${API}/under-rule`)?.override?.ruleId).toBe(id);
  expect(last(`${API}/after-rule`)?.override).toBeUndefined();
});

it('a rule changed in storage.local from outside the background is followed too', async () => {
  const id = await allowOverride(bg, 'pinned');
  const posted = connectPanel(bg); // capture starts knowing the rule
  await bg.settle();
  await capture(`${API}/before-edit`, '4');
  const stored = (await bg.fake.storage.local.get('rules')).rules as { rules: unknown[] };
  await bg.fake.storage.local.set({ rules: { ...stored, rules: [] } });
  await bg.settle();
  await capture(`${API}/after-edit`, '5');
  const entry = (url: string) =>
    (posted.flatMap((m) => m.entries ?? []) as Entry[]).filter((e) => e.record.request.url === url).at(-1);
  expect(entry(`${API}/before-edit`)?.override?.ruleId).toBe(id);
  expect(entry(`${API}/after-edit`)).toBeDefined();
  expect(entry(`${API}/after-edit`)?.override).toBeUndefined();
});
