import { describe, expect, it } from 'vitest';
import { defaultRuleFor } from '../../../src/core/rules/default-rule-for';
import { NOW, rule } from './fixtures';

const base = {
  pageOrigin: 'http://localhost:5173',
  target: { origin: 'http://127.0.0.1:8081', pathPrefix: '/' },
};

describe('defaultRuleFor', () => {
  it('uses the defaults and a one-hour lifetime', () => {
    expect(defaultRuleFor(base, NOW, 'r1')).toEqual(rule());
  });

  it('takes what was observed, normalised, skipping what could never pass', () => {
    const made = defaultRuleFor(
      {
        ...base,
        observed: {
          methods: ['put', 'TRACE'],
          requestHeaders: ['Authorization', 'cookie'],
          credentials: true,
        },
      },
      NOW,
      'r2',
      '8h',
    );
    expect(made).toEqual(
      rule({
        id: 'r2',
        methods: ['PUT'],
        requestHeaders: ['authorization'],
        credentials: true,
        lifetime: '8h',
        expiresAt: NOW + 8 * 3_600_000,
      }),
    );
  });

  it('falls back to defaults when the observation is empty, and never shares the target object', () => {
    const made = defaultRuleFor(
      { ...base, observed: { methods: [], requestHeaders: [] } },
      NOW,
      'r3',
      'pinned',
    );
    expect([made.methods, made.requestHeaders, made.credentials, made.expiresAt]).toEqual([
      ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      ['content-type'],
      false,
      null,
    ]);
    expect(made.target).not.toBe(base.target);
  });
});
