// The log's storage.session mirror writes what changed since its last write, not the whole log; a restarted worker
// restores it in order; a quota failure loses nothing in memory and is made good by the next write; a closed tab
// leaves no key behind.
import { expect, it, vi } from 'vitest';
import { logMetaKey, logRecordKey } from '../../../src/core/exchange';
import { type Background, freshBackgroundOnFakeClock, startBackground } from './start-background';
import { API, completeRequest, connectPanel, fire, type Message, request, TAB } from './web-request-script';

vi.mock('../../../src/shared/browser', async () => (await import('./start-background')).mockBrowser());

let bg: Background;
freshBackgroundOnFakeClock((started) => {
  bg = started;
});

/** Runs one request of TAB to its end and lets the mirror's batch (at most 5 s) be written. */
async function runRequest(id: string): Promise<void> {
  const url = `${API}/${id}`;
  fire(bg, 'onBeforeRequest', request(id, url));
  completeRequest(bg, id, url);
  await vi.advanceTimersByTimeAsync(6_000);
  await bg.settle();
}

const logKeys = () => Object.keys(bg.fake.storage.session.data).filter((k) => k.startsWith('log:'));

it('writes each batch’s changed records only, and a restarted worker restores them in order', async () => {
  connectPanel(bg);
  await bg.settle();
  const set = vi.spyOn(bg.fake.storage.session, 'set');
  await runRequest('1');
  await runRequest('2');
  const written = set.mock.calls.map(([items]) => Object.keys(items).filter((k) => k.startsWith('log:')));
  expect(written.filter((keys) => keys.length > 0)).toEqual([
    [logMetaKey(TAB), logRecordKey(TAB, `${TAB}:1`)],
    [logMetaKey(TAB), logRecordKey(TAB, `${TAB}:2`)],
  ]);

  bg = await startBackground(bg.fake); // a new service worker, the same storage.session
  const posted = connectPanel(bg);
  await bg.settle();
  const snapshot = posted.find((m) => m.type === 'snapshot') as Message;
  expect(snapshot.entries?.map((e) => e.record.request.url)).toEqual([`${API}/1`, `${API}/2`]);
});

it('keeps the log when storage.session is full, and writes every record once there is room again', async () => {
  connectPanel(bg);
  await bg.settle();
  bg.fake.quotaBytes.session = 10; // nothing fits
  await runRequest('1');
  expect(logKeys()).toEqual([]);
  delete bg.fake.quotaBytes.session;
  await runRequest('2');
  expect(logKeys().sort()).toEqual(
    [logMetaKey(TAB), logRecordKey(TAB, `${TAB}:1`), logRecordKey(TAB, `${TAB}:2`)].sort(),
  );
});

it('leaves no key of a closed tab', async () => {
  connectPanel(bg);
  await bg.settle();
  await runRequest('1');
  expect(logKeys().length).toBe(2);
  bg.fake.tabs.onRemoved.fire(TAB, {});
  await bg.settle();
  expect(logKeys()).toEqual([]);
});
