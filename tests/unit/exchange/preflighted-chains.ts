// Parallel preflighted PUTs as each browser fires their webRequest events, merged in any order: the input of the
// assembler's property tests.
import type { NetEvent } from '../../../src/core/exchange/events';
import {
  API,
  allowHeaders,
  chromiumRequestHeaders,
  firefoxRequestHeaders,
  PAGE,
  preflightHeaders,
  type Script,
} from './net-events';

export const url = `${API}/items/1`;
export const author: [string, string][] = [
  ['Content-Type', 'application/json'],
  ['X-Token', 't'],
];
export type Step = (s: Script) => NetEvent;

/** One request's events, in the order its browser fires them. */
export function chain(i: number, passes: boolean, browser: 'chromium' | 'firefox' | 'firefox-153'): Step[] {
  const a = `a${i}`;
  const p = `p${i}`;
  const actualStart: Step = (s) => s.before(a, 'PUT', url);
  const preflight: Step[] = [
    (s) => s.before(p, 'OPTIONS', url),
    (s) => s.send(p, preflightHeaders('PUT', ['content-type', 'x-token'])),
    (s) => s.received(p, passes ? 204 : 405, passes ? [...allowHeaders(), ['X-Preflight', p]] : []),
    (s) => s.completed(p, passes ? 204 : 405),
  ];
  const sent = browser === 'chromium' ? chromiumRequestHeaders(author) : firefoxRequestHeaders(author);
  const actualEnd: Step[] = passes
    ? [
        (s) => s.send(a, sent),
        (s) => s.received(a, 200, [['Access-Control-Allow-Origin', PAGE]]),
        (s) => s.completed(a, 200),
      ]
    : [(s) => s.error(a, browser === 'chromium' ? 'net::ERR_FAILED' : 'NS_ERROR_DOM_BAD_URI')];
  // Firefox 153, observed: the actual request starts and fires onSendHeaders before its preflight starts; a
  // refused preflight gets its headers, then NS_ERROR_DOM_BAD_URI; the actual request then ends.
  if (browser === 'firefox-153') {
    const refused: Step[] = [
      (s) => s.before(p, 'OPTIONS', url),
      (s) => s.send(p, preflightHeaders('PUT', ['content-type', 'x-token'])),
      (s) => s.received(p, 405, []),
      (s) => s.error(p, 'NS_ERROR_DOM_BAD_URI'),
    ];
    return passes
      ? [actualStart, actualEnd[0] as Step, ...preflight, ...actualEnd.slice(1)]
      : [actualStart, (s) => s.send(a, sent), ...refused, ...actualEnd];
  }
  // Chromium: the actual request's onBeforeRequest comes first; Firefox may show the whole preflight first.
  return browser === 'chromium'
    ? [actualStart, ...preflight, ...actualEnd]
    : [...preflight, actualStart, ...actualEnd];
}

/** Merges the chains, each kept in order, taking the next step from the chain `picks` names. */
export function interleave(chains: Step[][], picks: readonly number[]): Step[] {
  const queues = chains.map((steps) => [...steps]);
  const merged: Step[] = [];
  let pick = 0;
  for (;;) {
    const live = queues.filter((queue) => queue.length > 0);
    if (live.length === 0) return merged;
    const queue = live[(picks[pick++ % Math.max(picks.length, 1)] ?? 0) % live.length] as Step[];
    merged.push(queue.shift() as Step);
  }
}
