// The word and reason a log row gives an exchange, from the record and the engine's verdicts (pure core).
import { describe, expect, it } from 'vitest';
import { HEADERS_UNSEEN_VERDICT, PENDING_VERDICT, rowVerdictOf } from '../../../src/core/exchange';
import { allowedGet, allowedPut, blockedGet } from '../../ui/panel/fixtures';

describe('rowVerdictOf', () => {
  it('names the CorsError of a blocked exchange, and says why an allowed one passed', () => {
    expect(rowVerdictOf(blockedGet())).toEqual({ verdict: 'blocked', reason: 'MissingAllowOriginHeader' });
    expect(rowVerdictOf(allowedGet())).toEqual({ verdict: 'allowed', reason: 'CORS check passed' });
    expect(rowVerdictOf(allowedPut())).toEqual({ verdict: 'allowed', reason: 'Preflight passed' });
  });

  it('is never more certain than what was seen: pending, and headers missed across a restart', () => {
    const running = blockedGet();
    running.record.outcome = 'pending';
    expect(rowVerdictOf({ ...running, verdict: PENDING_VERDICT })).toEqual({
      verdict: 'pending',
      reason: 'Pending',
    });
    const missed = allowedGet();
    missed.record.incomplete = 'headers-unseen';
    expect(rowVerdictOf({ ...missed, verdict: HEADERS_UNSEEN_VERDICT })).toEqual({
      verdict: 'uncertain',
      reason: 'response headers unseen',
    });
  });

  it('credits an override that let a blocked exchange through, naming what the server alone got', () => {
    const blocked = blockedGet();
    const entry = { ...blocked, override: { ruleId: 'r', label: 'dev', verdict: allowedGet().verdict } };
    expect(rowVerdictOf(entry)).toEqual({
      verdict: 'override',
      reason: 'server: MissingAllowOriginHeader',
    });
  });
});
