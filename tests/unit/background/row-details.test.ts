// Rows travel to panels as summaries, without their header lists; a panel asks for the whole records it shows in
// detail or exports, and gets those its tab's log still holds.
import { expect, it, vi } from 'vitest';
import type { LoggedExchange } from '../../../src/core/exchange';
import { type Background, freshBackgroundOnFakeClock } from './start-background';
import { API, completeRequest, connectPanelPort, fire, PAGE, request, TAB } from './web-request-script';

vi.mock('../../../src/shared/browser', async () => (await import('./start-background')).mockBrowser());

let bg: Background;
freshBackgroundOnFakeClock((started) => {
  bg = started;
});

interface Posted {
  type: string;
  ask?: number;
  entries?: LoggedExchange[];
}

async function oneRequest(id: string): Promise<void> {
  fire(bg, 'onBeforeRequest', request(id, `${API}/${id}`));
  completeRequest(bg, id, `${API}/${id}`);
  await bg.settle();
  await vi.advanceTimersByTimeAsync(100);
  await bg.settle();
}

it('streams rows without header lists, marked as such, and answers a details request with the whole records', async () => {
  const panel = connectPanelPort(bg);
  await bg.settle();
  await oneRequest('1');
  const posted = panel.posted as Posted[];
  const streamed = posted.flatMap((m) => (m.type === 'update' ? (m.entries ?? []) : []));
  const ended = streamed.filter((e) => e.record.outcome === 'completed');
  expect(ended).toHaveLength(1);
  for (const entry of streamed) {
    expect(entry.headersOmitted).toBe(true);
    expect(entry.record.request.headers).toEqual([]);
    expect(entry.record.response?.headers ?? []).toEqual([]);
  }
  // The summary keeps what the list shows: the verdict, the status, the outcome.
  expect(ended[0]?.verdict.allowed).toBe(true);
  expect(ended[0]?.record.response?.status).toBe(200);

  panel.send({ type: 'details', tabId: TAB, ask: 41, ids: [`${TAB}:1`, `${TAB}:never-seen`] });
  await bg.settle();
  const answer = posted.find((m) => m.type === 'details') as Posted;
  expect(answer.ask).toBe(41);
  expect(answer.entries).toHaveLength(1);
  const whole = answer.entries?.[0] as LoggedExchange;
  expect(whole.headersOmitted).toBeUndefined();
  expect(whole.record.seq).toBe(ended[0]?.record.seq);
  expect(whole.record.request.headers).toEqual([['Origin', PAGE]]);
  expect(whole.record.response?.headers).toEqual([['Access-Control-Allow-Origin', PAGE]]);
  expect(whole.verdict.allowed).toBe(true);
});

it('sends a reconnected panel its snapshot as summaries too', async () => {
  connectPanelPort(bg);
  await bg.settle();
  await oneRequest('2');
  const again = connectPanelPort(bg);
  await bg.settle();
  const snapshot = (again.posted as Posted[]).find((m) => m.type === 'snapshot');
  expect(snapshot?.entries?.map((e) => [e.headersOmitted, e.record.request.headers.length])).toEqual([
    [true, 0],
  ]);
});

it('ignores a malformed details request, and answers one for a tab it holds nothing of with no entries', async () => {
  const panel = connectPanelPort(bg);
  await bg.settle();
  await oneRequest('3');
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  panel.send({ type: 'details', tabId: TAB, ask: 1, ids: `${TAB}:3` });
  panel.send({ type: 'details', tabId: TAB, ask: -1, ids: [`${TAB}:3`] });
  await bg.settle();
  expect((panel.posted as Posted[]).filter((m) => m.type === 'details')).toEqual([]);
  expect(warn).toHaveBeenCalledTimes(2);
  panel.send({ type: 'details', tabId: TAB + 1, ask: 2, ids: [`${TAB}:3`] });
  await bg.settle();
  expect((panel.posted as Posted[]).filter((m) => m.type === 'details')).toEqual([
    { type: 'details', tabId: TAB + 1, ask: 2, entries: [] },
  ]);
});
