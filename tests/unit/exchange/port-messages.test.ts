// The panel port is a message boundary too: both ends parse what arrives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDetailsAnswer, isLogUpdate } from '../../../src/core/exchange/is-log-update';
import { parsePanelRequest, parseStreamOffer } from '../../../src/core/exchange/parse-panel-request';
import { record } from './record';

const status = { hostAccess: true, preserveLog: false, dropped: 0 };

describe('parsePanelRequest', () => {
  it.each([
    [{ type: 'heartbeat' }, { type: 'heartbeat' }],
    [
      { type: 'subscribe', tabId: 3 },
      { type: 'subscribe', tabId: 3 },
    ],
    [
      { type: 'subscribe', tabId: 3, afterSeq: 9, x: 1 },
      { type: 'subscribe', tabId: 3 },
    ],
    [
      { type: 'subscribe', tabId: 3, stream: '0b6c9a4e-5f3d-4c1a-9f7e-2d8b1a6c3e5f' },
      { type: 'subscribe', tabId: 3, stream: '0b6c9a4e-5f3d-4c1a-9f7e-2d8b1a6c3e5f' },
    ],
    // A stream token that is not one: the whole subscribe is refused, not quietly taken without its stream.
    [{ type: 'subscribe', tabId: 3, stream: 'a b' }, undefined],
    [{ type: 'subscribe', tabId: 3, stream: 'x'.repeat(65) }, undefined],
    [{ type: 'subscribe', tabId: 3, stream: 7 }, undefined],
    [{ type: 'clear', tabId: 1.5 }, undefined],
    [{ type: 'clear', tabId: -1 }, undefined],
    [{ type: 'set-preserve-log', tabId: 2, preserve: 'yes' }, undefined],
    [
      { type: 'set-preserve-log', tabId: 2, preserve: true },
      { type: 'set-preserve-log', tabId: 2, preserve: true },
    ],
    [
      { type: 'details', tabId: 2, ask: 5, ids: ['2:r1', '2:r2'] },
      { type: 'details', tabId: 2, ask: 5, ids: ['2:r1', '2:r2'] },
    ],
    [{ type: 'details', tabId: 2, ask: 5, ids: '2:r1' }, undefined],
    [{ type: 'details', tabId: 2, ask: 5, ids: [7] }, undefined],
    [{ type: 'details', tabId: 2, ask: 5, ids: [''] }, undefined],
    [{ type: 'details', tabId: 2, ask: 5, ids: ['x'.repeat(201)] }, undefined],
    [
      { type: 'details', tabId: 2, ask: 5, ids: Array.from({ length: 10_001 }, (_, i) => `2:${i}`) },
      undefined,
    ],
    [{ type: 'details', tabId: 2, ids: ['2:r1'] }, undefined],
    [{ type: 'drop-tables', tabId: 2 }, undefined],
    [null, undefined],
  ])('%j', (message, expected) => {
    expect(parsePanelRequest(message)).toEqual(expected);
  });

  it('property: never throws, and what it accepts has a whole, non-negative tab id', () => {
    const message = fc.record(
      {
        type: fc.constantFrom('subscribe', 'clear', 'set-preserve-log', 'heartbeat', 'other'),
        tabId: fc.oneof(fc.integer(), fc.double(), fc.anything()),
        preserve: fc.anything(),
      },
      { requiredKeys: ['type'] },
    );
    fc.assert(
      fc.property(fc.oneof(message, fc.anything()), (value) => {
        const parsed = parsePanelRequest(value);
        if (parsed !== undefined && parsed.type !== 'heartbeat') {
          expect(Number.isSafeInteger(parsed.tabId) && parsed.tabId >= 0).toBe(true);
        }
      }),
    );
  });
});

describe('parseStreamOffer', () => {
  it.each([
    [{ type: 'cors-lens/panel-stream', token: 'abcdef12-3456' }, 'abcdef12-3456'],
    [{ type: 'cors-lens/panel-stream', token: 'short' }, undefined],
    [{ type: 'cors-lens/panel-stream', token: '<script>alert(1)</script>' }, undefined],
    [{ type: 'subscribe', token: 'abcdef12-3456' }, undefined],
    [{ type: 'cors-lens/panel-stream' }, undefined],
    ['cors-lens/panel-stream', undefined],
    [null, undefined],
  ])('%j', (message, expected) => {
    expect(parseStreamOffer(message)).toBe(expected);
  });
});

describe('isLogUpdate', () => {
  const entry = { record: record('a', 1), verdict: { allowed: true, explanation: '' } };
  it.each([
    [{ type: 'snapshot', tabId: 1, entries: [entry], status }, true],
    [{ type: 'update', tabId: 1, entries: [null], status }, false],
    [{ type: 'update', tabId: 1, entries: [{ record: {}, verdict: {} }], status }, false],
    [{ type: 'update', tabId: 1, entries: [], status: {} }, false],
    [{ type: 'cleared', tabId: 1, reason: 'user', status }, true],
    [{ type: 'cleared', tabId: 1, reason: 'gone', status }, false],
    [{ type: 'details', tabId: 1, ask: 2, entries: [entry] }, false],
  ])('%j → %s', (message, expected) => {
    expect(isLogUpdate(message)).toBe(expected);
  });
});

describe('isDetailsAnswer', () => {
  const entry = { record: record('a', 1), verdict: { allowed: true, explanation: '' } };
  it.each([
    [{ type: 'details', tabId: 1, ask: 2, entries: [entry] }, true],
    [{ type: 'details', tabId: 1, ask: 2, entries: [] }, true],
    [{ type: 'details', tabId: 1, entries: [entry] }, false],
    [{ type: 'details', tabId: 1, ask: 2, entries: [{ record: {}, verdict: {} }] }, false],
    [{ type: 'update', tabId: 1, ask: 2, entries: [entry], status }, false],
  ])('%j → %s', (message, expected) => {
    expect(isDetailsAnswer(message)).toBe(expected);
  });
});
