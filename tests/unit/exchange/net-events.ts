// Builders for webRequest event scripts as the two browsers emit them (see design/platform-facts.md, "Observing").
import type { HeaderList, NetEvent } from '../../../src/core/exchange/events';

export const PAGE = 'http://localhost:3000';
export const API = 'http://127.0.0.1:4000';
export const TAB = 7;

/** Issues events with increasing times, 1 ms apart unless told otherwise. */
export class Script {
  time: number;
  constructor(start = 1_000) {
    this.time = start;
  }
  #tick(by = 1): number {
    this.time += by;
    return this.time;
  }
  before(
    requestId: string,
    method: string,
    url: string,
    more: { type?: string; initiator?: string | undefined; tabId?: number } = {},
  ): NetEvent {
    return {
      kind: 'before-request',
      requestId,
      tabId: more.tabId ?? TAB,
      url,
      method,
      type: more.type ?? 'xmlhttprequest',
      ...('initiator' in more
        ? more.initiator === undefined
          ? {}
          : { initiator: more.initiator }
        : { initiator: PAGE }),
      time: this.#tick(),
    };
  }
  send(requestId: string, headers: HeaderList): NetEvent {
    return { kind: 'send-headers', requestId, headers, time: this.#tick() };
  }
  received(requestId: string, status: number, headers: HeaderList = [], statusLine?: string): NetEvent {
    return {
      kind: 'headers-received',
      requestId,
      status,
      headers,
      ...(statusLine === undefined ? {} : { statusLine }),
      time: this.#tick(),
    };
  }
  redirect(requestId: string, status: number, redirectUrl: string, headers: HeaderList = []): NetEvent {
    return { kind: 'redirect', requestId, status, redirectUrl, headers, time: this.#tick() };
  }
  completed(requestId: string, status: number, fromCache = false): NetEvent {
    return { kind: 'completed', requestId, status, fromCache, time: this.#tick() };
  }
  error(requestId: string, error: string): NetEvent {
    return { kind: 'error', requestId, error, time: this.#tick() };
  }
  wait(ms: number): void {
    this.#tick(ms);
  }
}

/** Headers Chromium sends on a cors-mode fetch, plus the author's. */
export function chromiumRequestHeaders(author: HeaderList = [], origin = PAGE): HeaderList {
  return [
    ['Accept', '*/*'],
    ...author,
    ['Origin', origin],
    ['Referer', `${PAGE}/`],
    ['User-Agent', 'Mozilla/5.0 Chrome/156.0.0.0'],
    ['Accept-Encoding', 'gzip, deflate, br, zstd'],
    ['Accept-Language', 'en-US,en;q=0.9'],
    ['Sec-Fetch-Mode', 'cors'],
    ['Sec-Fetch-Site', 'cross-site'],
    ['Sec-Fetch-Dest', 'empty'],
    ['sec-ch-ua-platform', '"Linux"'],
  ];
}

/** Headers Firefox sends on a cors-mode fetch, plus the author's. */
export function firefoxRequestHeaders(author: HeaderList = []): HeaderList {
  return [
    ['Host', '127.0.0.1:4000'],
    ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0'],
    ['Accept', '*/*'],
    ['Accept-Language', 'en-US,en;q=0.5'],
    ['Accept-Encoding', 'gzip, deflate, br, zstd'],
    ...author,
    ['Referer', `${PAGE}/`],
    ['Origin', PAGE],
    ['Connection', 'keep-alive'],
    ['Sec-Fetch-Dest', 'empty'],
    ['Sec-Fetch-Mode', 'cors'],
    ['Sec-Fetch-Site', 'cross-site'],
    ['Priority', 'u=4'],
  ];
}

/** A preflight's request headers (both browsers: lower-case sorted names in Access-Control-Request-Headers). */
export function preflightHeaders(method: string, headerNames: string[] = []): HeaderList {
  return [
    ['Accept', '*/*'],
    ['Access-Control-Request-Method', method],
    ...(headerNames.length > 0
      ? [['Access-Control-Request-Headers', headerNames.join(',')] as [string, string]]
      : []),
    ['Origin', PAGE],
    ['Sec-Fetch-Mode', 'cors'],
  ];
}

export function allowHeaders(method = 'PUT', headers = 'content-type,x-token'): HeaderList {
  return [
    ['Access-Control-Allow-Origin', PAGE],
    ['Access-Control-Allow-Methods', method],
    ['Access-Control-Allow-Headers', headers],
  ];
}
