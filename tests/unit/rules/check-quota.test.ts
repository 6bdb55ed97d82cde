import { describe, expect, it } from 'vitest';
import { checkQuota } from '../../../src/core/rules/check-quota';
import { formatCount } from '../../../src/core/rules/format-count';
import {
  preflightFixableByHeaders,
  preflightStatusMessage,
} from '../../../src/core/rules/preflight-fixable-by-headers';

describe('checkQuota', () => {
  it('is silent up to the limit', () => {
    expect(checkQuota(0)).toBeUndefined();
    expect(checkQuota(5000)).toBeUndefined();
  });

  it('explains an overflow in our words before the browser does', () => {
    expect(checkQuota(5012)).toBe(
      'Too many active overrides: 5,012 DNR rules needed, the browser allows 5,000. Remove some rules.',
    );
    expect(checkQuota(31, { session: 30 })).toBe(
      'Too many active overrides: 31 DNR rules needed, the browser allows 30. Remove some rules.',
    );
  });

  it.each<[number, string]>([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1234567, '1,234,567'],
  ])('formatCount(%d) = %s', (n, s) => {
    expect(formatCount(n)).toBe(s);
  });
});

describe('preflightFixableByHeaders: a DNR rule cannot change a status code', () => {
  it.each<[number, boolean]>([
    [200, true],
    [204, true],
    [299, true],
    [199, false],
    [301, false],
    [404, false],
    [405, false],
    [500, false],
    [204.5, false],
  ])('%d → %s', (status, fixable) => {
    expect(preflightFixableByHeaders(status)).toBe(fixable);
  });

  it('says so plainly', () => {
    expect(preflightStatusMessage(405)).toBe(
      'The server answered the preflight (OPTIONS) with 405. An override can add headers but cannot change a status code, so this request will still fail. Make the server answer OPTIONS with a 2xx status (204 is usual).',
    );
  });
});
