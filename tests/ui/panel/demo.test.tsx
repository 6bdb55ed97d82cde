// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoExchanges } from '../../../src/panel/demo-exchanges';
import { demoSource } from '../../../src/panel/demo-source';
import { Panel } from '../../../src/panel/panel';
import { rowOf } from '../../../src/panel/row-of';
import { stubLayout } from './fixtures';

vi.mock('../../../src/shared/browser', () => ({ browser: {} }));

beforeEach(() => {
  localStorage.clear();
  stubLayout();
});
afterEach(cleanup);

describe('demo exchanges', () => {
  it('mixes allowed, blocked, overridden and preflighted exchanges with real verdicts', () => {
    const rows = demoExchanges(16).map(rowOf);
    const kinds = new Set(rows.map((row) => row.verdict));
    expect(kinds).toEqual(new Set(['allowed', 'blocked', 'override']));
    expect(new Set(rows.map((row) => row.preflight))).toEqual(new Set(['sent', 'cached', 'none']));
    expect(rows.some((row) => row.reason === 'PreflightMissingAllowOriginHeader')).toBe(true);
    expect(new Set(rows.flatMap((row) => (row.kind ? [row.kind.id] : [])))).toEqual(
      new Set(['cors-config', 'server-error', 'preflight-refused', 'redirect', 'local-network']),
    );
    expect(demoExchanges(16)).toEqual(demoExchanges(16)); // deterministic for screenshots
  });

  it('renders 10,000 demo rows through the demo source', () => {
    render(<Panel source={demoSource(3, 10_000)} tabId={3} />);
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('10001');
    expect(screen.getByText(/10000 requests/)).toBeTruthy();
  });
});
