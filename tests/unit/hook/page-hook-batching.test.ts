// @vitest-environment happy-dom
// The hook in the page and its relay, run as the browser runs them (page world and isolated world share the DOM
// here): a page's burst of calls costs it one DOM event, reaches the background in messages it reads whole, and
// leaves nothing of the page's own state changed; paused by the background (a tab no panel inspects), the hook
// records nothing until the relay is injected again.
import { beforeAll, expect, it, vi } from 'vitest';
import {
  MAX_REPORTS_PER_MESSAGE,
  PAGE_HOOK_MODE_EVENT,
  PAGE_REQUEST_EVENT,
  PAGE_REQUESTS_PORT,
  PAUSE_HOOK,
  parsePageReports,
} from '../../../src/core/exchange/page-request';

const posted: unknown[][] = [];
const events: string[] = [];
/** The relay's ports as the background sees them: what it may send each, and whether the relay closed it. */
const ports: { deliver: (m: unknown) => void; closed: boolean }[] = [];
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
        const listeners: ((m: unknown) => void)[] = [];
        const port = {
          deliver: (m: unknown) => {
            for (const listener of listeners) listener(m);
          },
          closed: false,
        };
        ports.push(port);
        return {
          postMessage: (m: unknown[]) => {
            if (port.closed) throw new Error('Attempting to use a disconnected port object');
            posted.push(m);
          },
          disconnect: () => {
            port.closed = true;
          },
          onDisconnect: { addListener: () => {} },
          onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) },
        };
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

it('connects as the page starts; paused by the background, it records and sends nothing until injected again', async () => {
  // The one port so far was opened when the relay ran, before any call: the background can answer it at once.
  expect(ports).toHaveLength(1);
  const first = ports[0];
  if (!first) throw new Error('no port');
  const modes: unknown[] = [];
  document.addEventListener(PAGE_HOOK_MODE_EVENT, (e) => modes.push((e as CustomEvent).detail));
  first.deliver({ type: 'other' }); // anything else is not a pause
  expect(first.closed).toBe(false);
  first.deliver(PAUSE_HOOK);
  expect(first.closed).toBe(true);
  expect(modes).toEqual(['off']);

  posted.length = 0;
  events.length = 0;
  pageFetch.mockClear();
  void fetch('https://api.example/paused', { credentials: 'include' });
  await endOfTask();
  expect(pageFetch).toHaveBeenCalledTimes(1); // the page's call went on
  expect(events).toEqual([]); // and the hook recorded nothing
  // A page's own event reaches no background either.
  document.dispatchEvent(new CustomEvent(PAGE_REQUEST_EVENT, { detail: '{"api":"fetch"}' }));
  await endOfTask();
  expect(posted).toEqual([]);
  expect(ports).toHaveLength(1);

  // A panel opens on the tab: the background injects the relay again, which resumes on a new port.
  vi.resetModules();
  await import('../../../src/hook/hook-relay');
  expect(modes).toEqual(['off', 'on']);
  expect(ports).toHaveLength(2);
  events.length = 0;
  void fetch('https://api.example/resumed', { credentials: 'include' });
  await endOfTask();
  expect(events).toHaveLength(1);
  expect(posted.flatMap((m) => parsePageReports(m).calls.map((c) => [c.url, c.credentials]))).toEqual([
    ['https://api.example/resumed', 'include'],
  ]);
  // Injected again while running: nothing changes, no second port.
  vi.resetModules();
  await import('../../../src/hook/hook-relay');
  expect(ports).toHaveLength(2);
  expect(modes).toEqual(['off', 'on']);
});
