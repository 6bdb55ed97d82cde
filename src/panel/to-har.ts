import { type HeaderList, redactRecord } from '../core/exchange';
import type { LoggedExchange } from '../shared/panel-protocol';

// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): only the fields a viewer needs, -1 for unknown sizes.
export interface HarHeader {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: [];
    headers: HarHeader[];
    queryString: HarHeader[];
    headersSize: -1;
    bodySize: -1;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: [];
    headers: HarHeader[];
    content: { size: 0; mimeType: string };
    redirectURL: string;
    headersSize: -1;
    bodySize: -1;
    _error?: string;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  _resourceType: string;
  _corsLens: {
    exchangeId: string;
    role: 'preflight' | 'redirect' | 'actual';
    allowed: boolean;
    corsError?: string;
    failedParameter?: string;
    firefoxReason?: string;
    explanation: string;
    override?: { ruleId: string; label: string; allowed: boolean };
    /** CORS Lens no longer held this request's headers when the log was exported: its header lists are empty. */
    headersOmitted?: true;
  };
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
  };
}

/**
 * The log as HAR 1.2: one entry per preflight, redirect hop and actual request. Each record is redacted again
 * (redactRecord): the background already did, and an export must stay safe whatever produced the entries.
 */
export function toHar(entries: LoggedExchange[], creatorVersion = '0'): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: 'CORS Lens', version: creatorVersion },
      entries: entries.flatMap((entry) => harEntriesFor({ ...entry, record: redactRecord(entry.record) })),
    },
  };
}

function harEntriesFor(logged: LoggedExchange): HarEntry[] {
  const { record, verdict, override } = logged;
  const lens = (role: HarEntry['_corsLens']['role']): HarEntry['_corsLens'] => {
    const info: HarEntry['_corsLens'] = {
      exchangeId: record.id,
      role,
      allowed: verdict.allowed,
      explanation: verdict.explanation,
    };
    if (verdict.corsError) info.corsError = verdict.corsError;
    if (verdict.failedParameter) info.failedParameter = verdict.failedParameter;
    if (verdict.firefoxReason) info.firefoxReason = verdict.firefoxReason;
    if (override)
      info.override = { ruleId: override.ruleId, label: override.label, allowed: override.verdict.allowed };
    if (logged.headersOmitted) info.headersOmitted = true;
    return info;
  };
  const out: HarEntry[] = [];
  const { preflight } = record;
  if (preflight) {
    out.push(
      entry({
        start: preflight.request.time,
        end: preflight.response?.time,
        method: 'OPTIONS',
        url: record.request.url,
        requestHeaders: preflight.request.headers,
        status: preflight.response?.status ?? 0,
        responseHeaders: preflight.response?.headers ?? [],
        type: 'preflight',
        error: preflight.error,
        lens: lens('preflight'),
      }),
    );
  }
  let start = record.startedAt;
  for (const hop of record.hops) {
    out.push(
      entry({
        start,
        end: hop.time,
        method: record.request.method,
        url: hop.url,
        requestHeaders: record.request.headers,
        status: hop.status,
        responseHeaders: hop.headers,
        redirectURL: hop.location,
        type: record.type,
        lens: lens('redirect'),
      }),
    );
    start = hop.time;
  }
  const { response } = record;
  if (response || record.outcome !== 'pending' || !preflight) {
    out.push(
      entry({
        start,
        end: response?.time ?? record.endedAt,
        method: record.request.method,
        url: response?.url ?? record.hops.at(-1)?.location ?? record.request.url,
        requestHeaders: record.request.headers,
        status: response?.status ?? 0,
        responseHeaders: response?.headers ?? [],
        type: record.type,
        error: record.error,
        lens: lens('actual'),
      }),
    );
  }
  return out;
}

interface EntryInput {
  start: number;
  end: number | undefined;
  method: string;
  url: string;
  requestHeaders: HeaderList;
  status: number;
  responseHeaders: HeaderList;
  redirectURL?: string;
  type: string;
  error?: string | undefined;
  lens: HarEntry['_corsLens'];
}

function entry(input: EntryInput): HarEntry {
  const time = Math.max(0, (input.end ?? input.start) - input.start);
  const contentType =
    input.responseHeaders.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const harEntry: HarEntry = {
    startedDateTime: new Date(input.start).toISOString(),
    time,
    request: {
      method: input.method,
      url: input.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: toHarHeaders(input.requestHeaders),
      queryString: queryString(input.url),
      headersSize: -1,
      bodySize: -1,
    },
    response: {
      status: input.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: toHarHeaders(input.responseHeaders),
      content: { size: 0, mimeType: contentType },
      redirectURL: input.redirectURL ?? '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    // webRequest gives start and headers-received times only: the whole wait is "wait".
    timings: { send: 0, wait: time, receive: 0 },
    _resourceType: input.type,
    _corsLens: input.lens,
  };
  if (input.error) harEntry.response._error = input.error;
  return harEntry;
}

function toHarHeaders(headers: HeaderList): HarHeader[] {
  return headers.map(([name, value]) => ({ name, value }));
}

function queryString(url: string): HarHeader[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}
