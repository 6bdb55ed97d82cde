import { describe, expect, it } from 'vitest';
import { validateMaxAge } from '../../../src/core/rules/validate-max-age';

const RANGE =
  "Max-age must be a whole number of seconds from 0 to 86400 (24 h), or empty for the browser's default.";

describe('validateMaxAge', () => {
  it.each<[unknown, number | undefined]>([
    [undefined, undefined],
    [null, undefined],
    ['', undefined],
    ['  ', undefined],
    [0, 0],
    [600, 600],
    [' 600 ', 600],
    [7200, 7200],
  ])('%j → %j', (input, value) => {
    expect(validateMaxAge(input)).toEqual({ ok: true, value });
  });

  it('accepts up to 86400 but warns that Chromium caps at 7200', () => {
    expect(validateMaxAge(86_400)).toEqual({
      ok: true,
      value: 86_400,
      note: 'Chromium caches a preflight for at most 7200 s (2 h); Firefox honours up to 86400 s.',
    });
  });

  it.each<[unknown]>([[-1], [86_401], [1.5], ['1e3'], ['abc'], [Number.NaN], [true], ['-5']])(
    'rejects %j',
    (input) => {
      expect(validateMaxAge(input)).toEqual({ ok: false, message: RANGE });
    },
  );
});
