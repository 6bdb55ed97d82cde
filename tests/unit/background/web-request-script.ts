// A page's requests as webRequest reports them to the background under test, and a panel connected to it.
import { expect } from 'vitest';
import { FakeEvent } from './fake-browser';
import type { Background } from './start-background';

export const TAB = 7;
export const PAGE = 'http://localhost:5173';
export const API = 'http://127.0.0.1:8081';

export type Message = {
  type: string;
  entries?: { record: { request: { url: string }; readHeaders?: string[] } }[];
};

export function request(requestId: string, url: string, type = 'xmlhttprequest') {
  const base = { requestId, tabId: TAB, frameId: 0, url, method: 'GET', type, timeStamp: Date.now() };
  return type === 'main_frame' ? base : { ...base, initiator: PAGE };
}

export function fire(bg: Background, event: string, details: object): void {
  (bg.fake.webRequest[event] as FakeEvent).fire(details);
}

/** The rest of a request whose onBeforeRequest fired: sent, answered with CORS headers, completed. */
export function completeRequest(bg: Background, requestId: string, url: string): void {
  const r = request(requestId, url);
  fire(bg, 'onSendHeaders', { ...r, requestHeaders: [{ name: 'Origin', value: PAGE }] });
  fire(bg, 'onHeadersReceived', {
    ...r,
    statusCode: 200,
    responseHeaders: [{ name: 'Access-Control-Allow-Origin', value: PAGE }],
  });
  fire(bg, 'onCompleted', { ...r, statusCode: 200 });
}

/** A panel port subscribed to TAB; returns every message it was posted, as the runtime would copy them. */
export function connectPanel(bg: Background): Message[] {
  return connectPanelPort(bg).posted;
}

/** As connectPanel, with `send` for the panel's later messages (details, clear…) and `close` (the panel goes). */
export function connectPanelPort(bg: Background): {
  posted: Message[];
  send(message: object): void;
  close(): void;
} {
  const posted: Message[] = [];
  const port = {
    name: 'cors-lens/panel',
    postMessage: (m: Message) => posted.push(structuredClone(m)),
    onMessage: new FakeEvent(),
    onDisconnect: new FakeEvent(),
  };
  bg.fake.runtime.onConnect.fire(port);
  port.onMessage.fire({ type: 'subscribe', tabId: TAB });
  return { posted, send: (message) => port.onMessage.fire(message), close: () => port.onDisconnect.fire() };
}

/** An override for PAGE → API with `lifetime`, as the popup asks for it; the test fails unless it was accepted. */
export async function allowOverride(bg: Background, lifetime: string): Promise<string> {
  const answer = (await bg.send({ type: 'rules/allow', pageOrigin: PAGE, target: API, lifetime })) as {
    ok: boolean;
    value?: { id: string };
  };
  expect(answer.ok).toBe(true);
  return answer.value?.id ?? '';
}
