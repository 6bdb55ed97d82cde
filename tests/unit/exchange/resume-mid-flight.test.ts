// A request whose start the assembler missed (capture began, or the service worker restarted, while it ran) is
// adopted from the start info every later webRequest event repeats; nothing is adopted twice or wrongly.
import { describe, expect, it } from 'vitest';
import { createAssembler } from '../../../src/core/exchange/create-assembler';
import type { BeforeRequestEvent, HeaderList, NetEvent } from '../../../src/core/exchange/events';
import { mergeResumed } from '../../../src/core/exchange/merge-resumed';
import { HEADERS_UNSEEN_VERDICT, toLogged } from '../../../src/core/exchange/to-logged';
import type { ExchangeRecord } from '../../../src/core/exchange/types';
import { rowOf } from '../../../src/panel/row-of';
import { API, chromiumRequestHeaders, PAGE, preflightHeaders, Script, TAB } from './net-events';
import { only, runEvents } from './run-events';

const data = `${API}/data`;
const allowOrigin: HeaderList = [['Access-Control-Allow-Origin', PAGE]];
const needsPreflight = (method: string) => !['GET', 'HEAD', 'POST'].includes(method);

/** The event with the request's start attached, as the background's webRequest adapter sends it. */
function resumable(event: NetEvent, start: NetEvent): NetEvent {
  return { ...event, start: start as BeforeRequestEvent } as NetEvent;
}

describe('adopting a request seen only from mid-flight', () => {
  it('a request whose start was missed ends as one exchange, marked resumed', () => {
    const s = new Script();
    const start = s.before('1', 'GET', data);
    const { latest } = runEvents(createAssembler(), [
      resumable(s.received('1', 200, allowOrigin), start),
      resumable(s.completed('1', 200), start),
    ]);
    expect(only(latest)).toMatchObject({
      id: `${TAB}:1`,
      pageOrigin: PAGE,
      request: { method: 'GET', url: data, headers: [] },
      response: { status: 200, headers: allowOrigin },
      outcome: 'completed',
      resumed: true,
    });
  });

  it('a resumed preflighted PUT is not claimed to have used the preflight cache (its preflight may be unseen)', () => {
    const s = new Script();
    const start = s.before('1', 'PUT', data);
    const { latest } = runEvents(createAssembler({ needsPreflight }), [
      resumable(s.send('1', chromiumRequestHeaders([['Content-Type', 'application/json']])), start),
      resumable(s.received('1', 200, allowOrigin), start),
      resumable(s.completed('1', 200), start),
    ]);
    const record = only(latest);
    expect(record.resumed).toBe(true);
    expect(record.preflightCached).toBeUndefined();
  });

  it('a request seen from its start is not marked resumed, and a late event after its end adopts nothing', () => {
    const s = new Script();
    const start = s.before('1', 'GET', data);
    const assembler = createAssembler();
    const { latest, emitted } = runEvents(assembler, [
      start,
      resumable(s.send('1', chromiumRequestHeaders()), start),
      resumable(s.received('1', 200, allowOrigin), start),
      resumable(s.completed('1', 200), start),
      resumable(s.error('1', 'net::ERR_ABORTED'), start),
    ]);
    expect(only(latest).resumed).toBeUndefined();
    expect(only(latest).outcome).toBe('completed');
    expect(emitted.at(-1)?.outcome).toBe('completed');
    expect(assembler.pending()).toBe(0);
  });

  it('a request adopted only at its end has unseen headers: no verdict is made up from an empty list', () => {
    const s = new Script();
    const start = s.before('1', 'GET', data);
    const { latest } = runEvents(createAssembler(), [resumable(s.completed('1', 200), start)]);
    const record = only(latest);
    expect(record).toMatchObject({ outcome: 'completed', resumed: true, incomplete: 'headers-unseen' });
    const logged = toLogged(record);
    expect(logged.verdict).toBe(HEADERS_UNSEEN_VERDICT);
    expect(logged.verdict.corsError).toBeUndefined();
    const row = rowOf(logged);
    expect(row.verdict).toBe('uncertain');
    expect(row.reason).toBe('response headers unseen');
  });

  it('OPTIONS and same-origin requests are never adopted', () => {
    const s = new Script();
    const options = s.before('p', 'OPTIONS', data);
    const same = s.before('2', 'GET', `${PAGE}/same`);
    const { latest } = runEvents(createAssembler(), [
      resumable(s.send('p', preflightHeaders('PUT')), options),
      resumable(s.received('p', 204, allowOrigin), options),
      resumable(s.completed('2', 200), same),
    ]);
    expect(latest.size).toBe(0);
  });
});

describe('mergeResumed', () => {
  const earlier: ExchangeRecord = {
    id: `${TAB}:1`,
    seq: 3,
    tabId: TAB,
    pageOrigin: PAGE,
    type: 'xmlhttprequest',
    request: {
      method: 'PUT',
      url: data,
      headers: [['Content-Type', 'application/json']],
      authorHeaders: [['Content-Type', 'application/json']],
      credentials: 'omit-or-same-origin',
    },
    preflight: {
      requestId: 'p',
      request: { headers: [], time: 2 },
      response: { status: 204, headers: [], time: 3 },
    },
    hops: [],
    outcome: 'pending',
    startedAt: 1,
  };
  const resumed: ExchangeRecord = {
    ...earlier,
    seq: 9,
    request: { ...earlier.request, headers: [], authorHeaders: [] },
    response: { url: data, status: 200, headers: allowOrigin, time: 5 },
    outcome: 'completed',
    startedAt: 4,
    resumed: true,
  };
  const { preflight: _, ...withoutPreflight } = resumed;

  it('keeps the request and preflight only the earlier worker saw, and the new outcome', () => {
    const merged = mergeResumed(earlier, withoutPreflight);
    expect(merged.request.headers).toEqual(earlier.request.headers);
    expect(merged.preflight?.requestId).toBe('p');
    expect(merged).toMatchObject({ seq: 9, outcome: 'completed', startedAt: 1, response: { status: 200 } });
  });
  it('takes the response headers the earlier worker saw when the new one saw only the end', () => {
    const seenByEarlier: ExchangeRecord = {
      ...earlier,
      response: { url: data, status: 200, headers: allowOrigin, time: 4 },
    };
    const endOnly: ExchangeRecord = {
      ...withoutPreflight,
      response: { url: data, status: 200, headers: [], time: 5 },
      incomplete: 'headers-unseen',
    };
    const merged = mergeResumed(seenByEarlier, endOnly);
    expect(merged.response?.headers).toEqual(allowOrigin);
    expect(merged.incomplete).toBeUndefined();
    expect(toLogged(merged).verdict).not.toBe(HEADERS_UNSEEN_VERDICT);
    // Without the earlier worker's headers, it stays unjudged.
    expect(mergeResumed(earlier, endOnly).incomplete).toBe('headers-unseen');
  });
  it('changes nothing for a record that was not resumed', () => {
    const plain = { ...withoutPreflight, resumed: undefined };
    expect(mergeResumed(earlier, plain)).toBe(plain);
  });
});
