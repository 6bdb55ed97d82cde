import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/shared/messages';

describe('parseRequest: the background trusts only declared messages, parsed', () => {
  it.each([
    [{ type: 'ping' }, { ok: true, request: { type: 'ping' } }],
    [{ type: 'pong' }, undefined],
    [{ type: 42 }, undefined],
    [{}, undefined],
    [null, undefined],
    ['ping', undefined],
    [undefined, undefined],
    [
      { type: 'rules/set-enabled', enabled: 'yes' },
      { ok: false, type: 'rules/set-enabled', errors: [expect.objectContaining({ field: 'enabled' })] },
    ],
    [
      { type: 'rules/remove', id: 'r1', extra: 1 },
      { ok: true, request: { type: 'rules/remove', id: 'r1' } },
    ],
  ])('%j', (message, expected) => {
    expect(parseRequest(message)).toEqual(expected);
  });

  it('a getter that throws is not ours, rather than an exception', () => {
    const message = {
      type: 'rules/get',
      get boom() {
        throw new Error('boom');
      },
    };
    expect(parseRequest(message)).toBeUndefined();
  });
});
