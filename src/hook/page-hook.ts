// Runs in the page's own world (MAIN), before the page's scripts, in tabs a CORS panel inspects. It records what the
// network never shows: the credentials mode and request mode each fetch()/XMLHttpRequest asked for, and the script
// line that made the call. It only observes: every call goes on unchanged, and nothing of the page is read but the
// arguments of these calls. The records go to the isolated-world relay (hook-relay.ts) as DOM events carrying JSON
// lines, one event per task. In a tab no panel inspects, the relay switches it off (PAGE_HOOK_MODE_EVENT): the calls
// then go on without any record taken.
// A content script file of its own, bundled as one IIFE.
import { PAGE_HOOK_MODE_EVENT, PAGE_REQUEST_EVENT } from '../core/exchange/page-request';

/** Frames captured for a call site: captureStack, report, the hooked function, and the page's first three. */
const STACK_FRAMES = 6;

(() => {
  const MARK = Symbol.for('cors-lens.page-hook');
  const w = window as unknown as Record<symbol, unknown>;
  if (w[MARK]) return; // registered at load and injected into an open page: hook once
  w[MARK] = true;

  const STANDARD = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
  // Fetch "normalize a method": only the standard methods are upper-cased (so `patch` stays `patch`).
  const normalize = (method: string) => (STANDARD.has(method.toUpperCase()) ? method.toUpperCase() : method);

  // What the page may replace later, taken now (the hook runs before the page's scripts).
  const stringify = JSON.stringify;
  const now = Date.now;
  const enqueue = queueMicrotask.bind(window);
  const ErrorType = Error as ErrorConstructor & { stackTraceLimit?: number };

  /**
   * The call's stack, captured at the call (V8 records the frames then, and builds the text when it is first read,
   * at the send). Only the first few frames: this hook's three and the page's nearest; capturing was the larger part
   * of the hook's cost to the page in a profile of the bench page (Chromium 156), and grows with the frames taken.
   */
  const captureStack = (): Error => {
    const limit = ErrorType.stackTraceLimit;
    if (typeof limit !== 'number') return new ErrorType();
    ErrorType.stackTraceLimit = STACK_FRAMES;
    try {
      return new ErrorType();
    } finally {
      ErrorType.stackTraceLimit = limit;
    }
  };

  /** The first stack frame outside extension code: where the page called fetch or send. */
  const callSiteOf = (captured: Error): string | undefined => {
    for (const line of (captured.stack ?? '').split('\n')) {
      const m = /(https?:\/\/[^\s)]+:\d+:\d+)/.exec(line);
      if (m?.[1]) return m[1];
    }
    return undefined;
  };

  const absolute = (url: string, base: string) => {
    const parsed = new URL(url, base);
    parsed.hash = ''; // never sent: the network sees the URL without its fragment
    return parsed.href;
  };

  /**
   * A call or a header read as the page made it. What may change later (the arguments, the document's base URL,
   * the clock) is read at once; what takes time (resolving the URL, formatting the stack, JSON) is done when sent.
   */
  interface Pending {
    record: Record<string, unknown>;
    url: string;
    base: string;
    at: number;
    stack?: Error;
  }
  let queued: Pending[] = [];

  /**
   * Sends what the page's current task reported, at its end: one DOM event per burst (a page firing 200 fetches in
   * a loop paid an event per call before), each record a line of JSON text. Not later: a report that reaches the
   * background after its request ended costs the row another update, and the panel a verdict that changes.
   */
  const send = () => {
    const lines: string[] = [];
    for (const { record, url, base, at, stack } of queued) {
      try {
        const location = stack === undefined ? undefined : callSiteOf(stack);
        lines.push(stringify({ ...record, url: absolute(url, base), at, ...(location ? { location } : {}) }));
      } catch {
        // a URL fetch itself rejects: nothing to record
      }
    }
    queued = [];
    if (lines.length === 0) return;
    try {
      document.dispatchEvent(new CustomEvent(PAGE_REQUEST_EVENT, { detail: lines.join('\n') }));
    } catch {
      // never break the page
    }
  };
  // On until the relay says otherwise: the calls made before its background answers are kept, in case they count.
  let recording = true;
  document.addEventListener(
    PAGE_HOOK_MODE_EVENT,
    (event) => {
      const mode = (event as CustomEvent<unknown>).detail;
      if (mode === 'on' || mode === 'off') recording = mode === 'on';
    },
    true,
  );

  const report = (record: Record<string, unknown>, url: string, base: string, withStack: boolean) => {
    if (!recording) return;
    try {
      queued.push({ record, url, base, at: now(), ...(withStack ? { stack: captureStack() } : {}) });
      if (queued.length === 1) enqueue(send);
    } catch {
      // never break the page's request
    }
  };

  // Which response headers the page's script reads: a header the server does not expose reads as null, and the
  // fix must expose exactly these (Fetch §3.2.6 CORS-exposed header-name list).
  const responseOf = new WeakMap<Headers, string>();
  const headersGetter = Object.getOwnPropertyDescriptor(Response.prototype, 'headers')?.get;
  if (headersGetter)
    Object.defineProperty(Response.prototype, 'headers', {
      configurable: true,
      enumerable: true,
      get(this: Response) {
        const headers = headersGetter.call(this) as Headers;
        if (this.url && !responseOf.has(headers)) responseOf.set(headers, this.url);
        return headers;
      },
    });
  const reportRead = (url: string, base: string, name: unknown) => {
    if (typeof name === 'string') report({ kind: 'read', header: name.toLowerCase() }, url, base, false);
  };
  for (const method of ['get', 'has'] as const) {
    const original = Headers.prototype[method] as (this: Headers, name: string) => unknown;
    Headers.prototype[method] = function (this: Headers, name: string) {
      const url = responseOf.get(this);
      if (url !== undefined) reportRead(url, url, name); // a response's URL is absolute: its own base
      return original.call(this, name);
    } as never;
  }

  const originalFetch = window.fetch;
  if (typeof originalFetch === 'function') {
    const fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      try {
        const request = input instanceof Request ? input : undefined;
        report(
          {
            api: 'fetch',
            method: normalize(init?.method ?? request?.method ?? 'GET'),
            credentials: init?.credentials ?? request?.credentials ?? 'same-origin',
            mode: init?.mode ?? request?.mode ?? 'cors',
          },
          request ? request.url : String(input),
          document.baseURI,
          true,
        );
      } catch {
        // arguments fetch itself rejects (an object whose toString throws, say): nothing to record
      }
      // biome-ignore lint/complexity/noArguments: the page's exact arguments, as many as it passed, go on unchanged
      return originalFetch.apply(this, arguments as unknown as [RequestInfo | URL, RequestInit?]);
    };
    Object.defineProperty(fetch, 'name', { value: 'fetch' });
    window.fetch = fetch as typeof window.fetch;
  }

  const opened = new WeakMap<XMLHttpRequest, { method: string; url: string; base: string }>();
  const uploadsListened = new WeakSet<XMLHttpRequestUpload>();
  const xhr = XMLHttpRequest.prototype;
  const originalOpen = xhr.open;
  const originalSend = xhr.send;
  xhr.open = function (this: XMLHttpRequest, method: string, url: string | URL) {
    try {
      opened.set(this, { method: normalize(String(method)), url: String(url), base: document.baseURI });
    } catch {
      opened.delete(this);
    }
    // biome-ignore lint/complexity/noArguments: the page's exact arguments, as many as it passed, go on unchanged
    return originalOpen.apply(this, arguments as unknown as Parameters<typeof originalOpen>);
  } as typeof xhr.open;
  xhr.send = function (this: XMLHttpRequest) {
    const call = opened.get(this);
    if (call)
      report(
        {
          api: 'xhr',
          method: call.method,
          credentials: this.withCredentials ? 'include' : 'same-origin',
          mode: 'cors',
          // Fetch: an upload listener registered before send sets the use-CORS-preflight flag.
          uploadListeners: uploadsListened.has(this.upload),
        },
        call.url,
        call.base,
        true,
      );
    // biome-ignore lint/complexity/noArguments: the page's exact arguments, as many as it passed, go on unchanged
    return originalSend.apply(this, arguments as unknown as Parameters<typeof originalSend>);
  };
  const originalGetResponseHeader = xhr.getResponseHeader;
  xhr.getResponseHeader = function (this: XMLHttpRequest, name: string) {
    const call = opened.get(this);
    if (call) reportRead(this.responseURL || call.url, call.base, name);
    return originalGetResponseHeader.call(this, name);
  };
  const upload = XMLHttpRequestUpload.prototype;
  const originalAdd = upload.addEventListener;
  upload.addEventListener = function (this: XMLHttpRequestUpload) {
    uploadsListened.add(this);
    // biome-ignore lint/complexity/noArguments: the page's exact arguments, as many as it passed, go on unchanged
    return originalAdd.apply(this, arguments as unknown as Parameters<typeof originalAdd>);
  } as typeof upload.addEventListener;
  for (const name of [
    'onloadstart',
    'onprogress',
    'onabort',
    'onerror',
    'onload',
    'ontimeout',
    'onloadend',
  ]) {
    const target = XMLHttpRequestEventTarget.prototype;
    const descriptor = Object.getOwnPropertyDescriptor(target, name);
    if (!descriptor?.set) continue;
    const set = descriptor.set;
    Object.defineProperty(target, name, {
      ...descriptor,
      set(this: XMLHttpRequestEventTarget, value: unknown) {
        if (value !== null && this instanceof XMLHttpRequestUpload) uploadsListened.add(this);
        set.call(this, value);
      },
    });
  }
})();
