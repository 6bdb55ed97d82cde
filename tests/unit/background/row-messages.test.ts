// How often a row travels to the panel: each message costs the worker, the browser process and the panel more than
// the change it carries, so a request goes out when it appears and when it ends; its steps in between, and the
// page's report of its call, ride with the end — unless it runs long enough for its progress to matter. Events are
// taken in batches (capture-intake.ts): a batch's rows travel together.
import { expect, it, vi } from 'vitest';
import { INTAKE_LATEST_MS, INTAKE_QUIET_MS } from '../../../src/background/capture/intake-windows';
import { NEW_ROW_BURST_MS } from '../../../src/background/capture/panel-hub';
import { PAGE_REQUESTS_PORT } from '../../../src/core/exchange';
import { FakeEvent } from './fake-browser';
import { type Background, freshBackgroundOnFakeClock } from './start-background';
import {
  API,
  completeRequest,
  connectPanel,
  fire,
  type Message,
  PAGE,
  request,
  TAB,
} from './web-request-script';

vi.mock('../../../src/shared/browser', async () => (await import('./start-background')).mockBrowser());

type Row = { outcome: string; response?: { status: number }; page?: { credentials: string } };

let bg: Background;
freshBackgroundOnFakeClock((started) => {
  bg = started;
});

const rowsOf = (posted: Message[], url: string) =>
  posted
    .flatMap((m) => m.entries ?? [])
    .filter((e) => e.record.request.url === url)
    .map((e) => e.record as unknown as Row);

async function wait(ms: number): Promise<void> {
  await bg.settle();
  await vi.advanceTimersByTimeAsync(ms);
  await bg.settle();
}

it("sends a request when it appears and when it ends, the page's call riding with the end", async () => {
  const posted = connectPanel(bg);
  await bg.settle();
  const url = `${API}/twice`;
  fire(bg, 'onBeforeRequest', request('1', url));
  await wait(100);
  expect(rowsOf(posted, url).map((r) => r.outcome)).toEqual(['pending']);

  const relay = {
    name: PAGE_REQUESTS_PORT,
    sender: { tab: { id: TAB } },
    postMessage: () => undefined,
    onMessage: new FakeEvent(),
    onDisconnect: new FakeEvent(),
  };
  bg.fake.runtime.onConnect.fire(relay);
  const call = { api: 'fetch', url, method: 'GET', credentials: 'include', mode: 'cors', at: Date.now() };
  relay.onMessage.fire([JSON.stringify({ ...call, location: `${PAGE}/app.js:1:1` })]);
  await wait(100);
  expect(rowsOf(posted, url)).toHaveLength(1);

  completeRequest(bg, '1', url);
  await wait(100);
  const rows = rowsOf(posted, url);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toMatchObject({
    outcome: 'completed',
    response: { status: 200 },
    page: { credentials: 'include' },
  });
});

it('shows the progress of a request that runs on, within half a second', async () => {
  const posted = connectPanel(bg);
  await bg.settle();
  const url = `${API}/slow`;
  const r = request('2', url);
  fire(bg, 'onBeforeRequest', r);
  fire(bg, 'onSendHeaders', { ...r, requestHeaders: [{ name: 'Origin', value: PAGE }] });
  fire(bg, 'onHeadersReceived', {
    ...r,
    statusCode: 200,
    responseHeaders: [{ name: 'Access-Control-Allow-Origin', value: PAGE }],
  });
  await wait(100);
  expect(rowsOf(posted, url)).toHaveLength(1);
  await wait(500);
  const rows = rowsOf(posted, url);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toMatchObject({ outcome: 'pending', response: { status: 200 } });
});

// A service worker may be stopped between any two tasks, so a new row leaves in the task that saw it — unless new
// rows come in a burst, where one message per row was the largest share of capture's cost (234 messages per bench
// load in Chromium 156): then they travel together, at most 10 ms late.
it('new rows apart in time each leave once the page is quiet, each in a message of its own', async () => {
  const posted = connectPanel(bg);
  await bg.settle();
  const before = posted.length;
  const urls = Array.from({ length: 5 }, (_, i) => `${API}/apart-${i}`);
  for (const [i, url] of urls.entries()) {
    fire(bg, 'onBeforeRequest', request(`a${i}`, url));
    await bg.settle();
    expect(rowsOf(posted, url)).toEqual([]); // queued: taken with its batch
    await vi.advanceTimersByTimeAsync(INTAKE_QUIET_MS);
    await bg.settle();
    expect(rowsOf(posted, url).map((r) => r.outcome)).toEqual(['pending']);
    await vi.advanceTimersByTimeAsync(NEW_ROW_BURST_MS);
  }
  expect(posted.slice(before).filter((m) => (m.entries ?? []).length > 0)).toHaveLength(5);
});

it('ten new rows in a burst travel in one message, once the page is quiet', async () => {
  const posted = connectPanel(bg);
  await bg.settle();
  const before = posted.length;
  const urls = Array.from({ length: 10 }, (_, i) => `${API}/burst-${i}`);
  for (const [i, url] of urls.entries()) {
    fire(bg, 'onBeforeRequest', request(`b${i}`, url));
    await bg.settle(); // each event in a task of its own, as browsers deliver them
  }
  expect(posted.slice(before).flatMap((m) => m.entries ?? [])).toEqual([]);
  await vi.advanceTimersByTimeAsync(INTAKE_QUIET_MS);
  await bg.settle();
  for (const url of urls) expect(rowsOf(posted, url).map((r) => r.outcome)).toEqual(['pending']);
  expect(posted.slice(before).filter((m) => (m.entries ?? []).length > 0)).toHaveLength(1);
});

it('a page that never goes quiet has its rows taken at the latest every 100 ms', async () => {
  const posted = connectPanel(bg);
  await bg.settle();
  const before = posted.length;
  const step = INTAKE_QUIET_MS / 2;
  const count = (3 * INTAKE_LATEST_MS) / step;
  const urls = Array.from({ length: count }, (_, i) => `${API}/steady-${i}`);
  for (const [i, url] of urls.entries()) {
    fire(bg, 'onBeforeRequest', request(`s${i}`, url));
    await bg.settle();
    await vi.advanceTimersByTimeAsync(step);
    // The first row waited at most the latest window, though the page was never quiet that long.
    if ((i + 1) * step >= INTAKE_LATEST_MS) expect(rowsOf(posted, urls[0] as string)).toHaveLength(1);
  }
  await vi.advanceTimersByTimeAsync(INTAKE_QUIET_MS + NEW_ROW_BURST_MS);
  await bg.settle();
  for (const url of urls) expect(rowsOf(posted, url)).toHaveLength(1);
  // About one message per window, not one per row.
  expect(posted.slice(before).filter((m) => (m.entries ?? []).length > 0).length).toBeLessThanOrEqual(4);
});
