// The hook runs in every page while any panel is open (a content script cannot be registered for one tab): the
// background pauses the relay of every tab no panel inspects as it connects, and the inspected tab's relays when
// its last panel goes. Only the inspected tab's reports join its rows.
import { expect, it, vi } from 'vitest';
import { PAGE_REQUESTS_PORT, PAUSE_HOOK } from '../../../src/core/exchange';
import { FakeEvent } from './fake-browser';
import { type Background, freshBackgroundOnFakeClock } from './start-background';
import { API, completeRequest, connectPanelPort, fire, request, TAB } from './web-request-script';

vi.mock('../../../src/shared/browser', async () => (await import('./start-background')).mockBrowser());

let bg: Background;
freshBackgroundOnFakeClock((started) => {
  bg = started;
});

function connectRelay(tabId: number | undefined) {
  const received: unknown[] = [];
  const relay = {
    name: PAGE_REQUESTS_PORT,
    sender: tabId === undefined ? {} : { tab: { id: tabId } },
    postMessage: (m: unknown) => received.push(m),
    onMessage: new FakeEvent(),
    onDisconnect: new FakeEvent(),
  };
  bg.fake.runtime.onConnect.fire(relay);
  return { relay, received };
}

const call = (url: string) =>
  JSON.stringify({ api: 'fetch', url, method: 'GET', credentials: 'include', mode: 'cors', at: Date.now() });

it('pauses the relays of tabs no panel inspects, and the inspected tab’s when its last panel goes', async () => {
  const panel = connectPanelPort(bg);
  await bg.settle();
  const inspected = connectRelay(TAB);
  const other = connectRelay(TAB + 1);
  const tabless = connectRelay(undefined);
  expect(inspected.received).toEqual([]);
  expect(other.received).toEqual([PAUSE_HOOK]);
  expect(tabless.received).toEqual([PAUSE_HOOK]);

  // The inspected tab's report joins its row.
  const url = `${API}/joined`;
  fire(bg, 'onBeforeRequest', request('1', url));
  inspected.relay.onMessage.fire([call(url)]);
  completeRequest(bg, '1', url);
  await vi.advanceTimersByTimeAsync(100);
  await bg.settle();
  const row = panel.posted
    .flatMap((m) => m.entries ?? [])
    .filter((e) => e.record.request.url === url)
    .at(-1) as { record: { page?: { credentials: string } } } | undefined;
  expect(row?.record.page?.credentials).toBe('include');

  panel.close();
  await bg.settle();
  expect(inspected.received).toEqual([PAUSE_HOOK]);
  // A relay of the tab that connects now (its next page) is paused as it connects.
  expect(connectRelay(TAB).received).toEqual([PAUSE_HOOK]);
});
