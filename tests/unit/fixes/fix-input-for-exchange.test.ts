import { describe, expect, it } from 'vitest';
import { fixInputForExchange } from '../../../src/core/fixes/fix-input-for-exchange';
import { allowedGet, blockedGet, exchange, PAGE } from '../../ui/panel/fixtures';

const inputOf = (entry = exchange()) => fixInputForExchange(entry.record, entry.verdict);

describe('fixInputForExchange: a blocked exchange, field by field', () => {
  it('a PATCH stopped by its 405 preflight: never sent, so credentials are unknown', () => {
    const entry = exchange({
      method: 'PATCH',
      path: '/api/cart',
      authorHeaders: [['X-Cart-Token', 't']],
      preflight: { status: 405, headers: [] },
      credentials: true,
    });
    expect(inputOf(entry)).toEqual({
      pageOrigin: PAGE,
      targetUrl: 'http://127.0.0.1:8081/api/cart',
      methods: ['PATCH'],
      requestHeaders: ['x-cart-token'],
      credentials: 'unknown',
      exposeHeaders: [],
      preflight: true,
      preflightStatus: 405,
    });
  });

  it.each([
    ['a Cookie was sent', true, 'include'],
    ['no Cookie was sent', false, 'omit'],
  ] as const)('a sent GET: %s → %s', (_, credentials, expected) => {
    expect(inputOf(blockedGet({ credentials }))?.credentials).toBe(expected);
  });

  it('a 500 without CORS headers: the failed status travels to the fix (server error in disguise)', () => {
    const input = inputOf(blockedGet({ status: 500 }));
    expect(input?.failedStatus).toBe(500);
    expect(input?.localNetwork).toBeUndefined();
    expect(inputOf(blockedGet())?.failedStatus).toBeUndefined();
  });

  it('a Local Network Access refusal: no header can fix it, and the fix input says so', () => {
    const input = inputOf(exchange({ networkError: 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS' }));
    expect(input?.localNetwork).toBe(true);
  });

  it('has nothing to fix on an allowed exchange', () => {
    expect(inputOf(allowedGet())).toBeUndefined();
  });
});
