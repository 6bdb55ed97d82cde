import { describe, expect, it } from 'vitest';
import { isRequest } from '../../../src/shared/messages';

describe('isRequest: the background trusts only declared messages', () => {
  it.each([
    [{ type: 'ping' }, true],
    [{ type: 'pong' }, false],
    [{ type: 42 }, false],
    [{}, false],
    [null, false],
    ['ping', false],
    [undefined, false],
  ])('%j → %s', (message, expected) => {
    expect(isRequest(message)).toBe(expected);
  });
});
