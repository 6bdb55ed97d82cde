// @vitest-environment happy-dom
// The hook in the page and its relay, run as the browser runs them (page world and isolated world share the DOM
// here): a page's burst of calls costs it one DOM event, reaches the background in messages it reads whole, and
// leaves nothing of the page's own state changed.
import { beforeAll, expect, it, vi } from 'vitest';
import {
  MAX_REPORTS_PER_MESSAGE,
  PAGE_REQUEST_EVENT,
  PAGE_REQUESTS_PORT,
  parsePageReports,
} from '../../../src/core/exchange/page-request';

const posted: unknown[][] = [];
const events: string[] = [];
const pageFetch = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
  Promise.resolve(new Response('')),
);

beforeAll(async () => {
  // The page's own fetch, and the extension API the relay connects with, before either script runs.
  window.fetch = pageFetch as typeof window.fetch;
  (globalThis as unknown as { chrome: unknown }).chrome = {
    runtime: {
      connect: ({ name }: { name: string }) => {
        expect(name).toBe(PAGE_REQUESTS_PORT);
        return { postMessage: (m: unknown[]) => posted.push(m), onDisconnect: { addListener: () => {} } };
      },
    },
  };
  document.addEventListener(PAGE_REQUEST_EVENT, (e) => events.push((e as CustomEvent<string>).detail));
  await import('../../../src/hook/page-hook');
  await import('../../../src/hook/hook-relay');
});

/** Lets the microtasks of the current task run (the hook's and then the relay's). */
const endOfTask = () => new Promise((resolve) => setTimeout(resolve, 0));

it('a burst of calls in one task is one DOM event, and messages of at most the batch size the background reads', async () => {
  posted.length = 0;
  events.length = 0;
  const count = 2 * MAX_REPORTS_PER_MESSAGE + 50;
  for (let i = 0; i < count; i++)
    void fetch(`https://api.example/items/${i}?x=1#frag`, {
      method: i % 2 ? 'put' : 'GET',
      credentials: i % 3 ? 'include' : 'omit',
    });
  await endOfTask();
  expect(events).toHaveLength(1);
  expect(posted.map((m) => m.length)).toEqual([MAX_REPORTS_PER_MESSAGE, MAX_REPORTS_PER_MESSAGE, 50]);
  const calls = posted.flatMap((m) => parsePageReports(m).calls);
  expect(calls).toHaveLength(count);
  expect(calls[0]).toMatchObject({
    api: 'fetch',
    url: 'https://api.example/items/0?x=1',
    method: 'GET',
    credentials: 'omit',
  });
  expect(calls[count - 1]).toMatchObject({
    url: `https://api.example/items/${count - 1}?x=1`,
    method: 'PUT',
    credentials: 'include',
  });
  // Every call still reached the page's fetch, with its own arguments.
  expect(pageFetch).toHaveBeenCalledTimes(count);
  expect(pageFetch.mock.calls[1]?.[1]).toEqual({ method: 'put', credentials: 'include' });
});

it('calls in separate tasks travel separately, and the page’s stack trace limit is left as the page set it', async () => {
  posted.length = 0;
  events.length = 0;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 37;
  try {
    void fetch('https://api.example/one');
    expect(Error.stackTraceLimit).toBe(37);
    await endOfTask();
    void fetch('https://api.example/two');
    await endOfTask();
  } finally {
    Error.stackTraceLimit = limit;
  }
  expect(events).toHaveLength(2);
  expect(posted.flatMap((m) => parsePageReports(m).calls.map((c) => c.url))).toEqual([
    'https://api.example/one',
    'https://api.example/two',
  ]);
});

it('the relay passes on the well-sized lines of an event and drops an oversized one', async () => {
  posted.length = 0;
  const good = JSON.stringify({
    api: 'fetch',
    url: 'https://api.example/ok',
    method: 'GET',
    credentials: 'omit',
    mode: 'cors',
    at: 1,
  });
  const giant = JSON.stringify({
    api: 'fetch',
    url: `https://api.example/${'a'.repeat(20_000)}`,
    method: 'GET',
    credentials: 'omit',
    mode: 'cors',
    at: 1,
  });
  document.dispatchEvent(new CustomEvent(PAGE_REQUEST_EVENT, { detail: `${giant}\n${good}` }));
  await endOfTask();
  expect(posted).toEqual([[good]]);
});
