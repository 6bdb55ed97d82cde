// The page hook's relay sends its reports in batches: several reads of one response in one batch all join the
// record, none overwriting another.
import { expect, it, vi } from 'vitest';
import { PAGE_REQUESTS_PORT } from '../../../src/core/exchange';
import { FakeEvent } from './fake-browser';
import { type Background, freshBackgroundOnFakeClock } from './start-background';
import { API, completeRequest, connectPanel, fire, request, TAB } from './web-request-script';

vi.mock('../../../src/shared/browser', async () => (await import('./start-background')).mockBrowser());

let bg: Background;
freshBackgroundOnFakeClock((started) => {
  bg = started;
});

it('keeps every header a script read of one response when the reads come in one batch', async () => {
  const posted = connectPanel(bg);
  await bg.settle();
  const url = `${API}/read-twice`;
  fire(bg, 'onBeforeRequest', request('1', url));
  completeRequest(bg, '1', url);
  await vi.advanceTimersByTimeAsync(100);
  await bg.settle();

  const relay = {
    name: PAGE_REQUESTS_PORT,
    sender: { tab: { id: TAB } },
    postMessage: () => undefined,
    onMessage: new FakeEvent(),
    onDisconnect: new FakeEvent(),
  };
  bg.fake.runtime.onConnect.fire(relay);
  relay.onMessage.fire(
    ['x-request-id', 'etag', 'x-request-id'].map((header) => JSON.stringify({ kind: 'read', url, header })),
  );
  await bg.settle();
  await vi.advanceTimersByTimeAsync(100);
  await bg.settle();

  const last = posted
    .flatMap((m) => m.entries ?? [])
    .filter((e) => e.record.request.url === url)
    .at(-1);
  expect(last?.record.readHeaders).toEqual(['x-request-id', 'etag']);
});
