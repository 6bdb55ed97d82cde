// @vitest-environment happy-dom
// A request whose credentials mode CORS Lens could not see, and which that mode decides (Access-Control-Allow-Origin:
// * in Firefox, which reports the refusal of a simple request as a completed request): the panel shows both
// verdicts, never a confident "allowed", keeps it among the blocked rows, and fixes it for both modes.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluateObserved } from '../../../src/core/cors';
import { toEngineExchange } from '../../../src/core/exchange';
import type { Allow } from '../../../src/panel/allow-temporarily';
import { Panel } from '../../../src/panel/panel';
import { API, allowedGet, fakeSource, PAGE, snapshot, stubLayout } from './fixtures';

vi.mock('../../../src/shared/browser', () => ({ browser: {} }));

beforeEach(() => {
  localStorage.clear();
  stubLayout();
});
afterEach(cleanup);

function wildcardUnknownCredentials() {
  const entry = allowedGet();
  return { ...entry, verdict: evaluateObserved(toEngineExchange(entry.record), undefined) };
}

describe('credentials unknown, and deciding', () => {
  it('shows both outcomes in the row, and the row counts as blocked', () => {
    const source = fakeSource();
    render(<Panel source={source} tabId={1} />);
    act(() => source.emit(snapshot([wildcardUnknownCredentials()])));
    const row = screen.getAllByRole('row')[1];
    expect(row?.className).toContain('verdict-uncertain');
    expect(row?.querySelector('.col-verdict')?.textContent).toBe(
      'allowed without credentials · WildcardOriginNotAllowed if credentialed',
    );
    fireEvent.click(screen.getByLabelText('Blocked only'));
    expect(screen.getAllByRole('row')).toHaveLength(2);
  });

  it('explains both verdicts, and the override and fix serve both modes', async () => {
    const source = fakeSource();
    const allow = vi.fn<Allow>(async () => ({ problem: 'stop here' }));
    render(<Panel source={source} tabId={1} allow={allow} />);
    act(() => source.emit(snapshot([wildcardUnknownCredentials()])));
    const row = screen.getAllByRole('row')[1];
    if (row) fireEvent.click(row);
    const pane = screen.getByRole('complementary', { name: 'Request details' });
    expect(within(pane).getByText('If sent without credentials')).toBeTruthy();
    expect(within(pane).getByText('If sent with credentials')).toBeTruthy();
    expect(pane.textContent).toContain('WildcardOriginNotAllowed');
    fireEvent.click(within(pane).getByRole('button', { name: 'Allow temporarily' }));
    expect(allow.mock.calls[0]?.[0]).toEqual({ pageOrigin: PAGE, target: API, credentials: true });
    fireEvent.click(within(pane).getByRole('tab', { name: 'Fix' }));
    expect(pane.textContent).toContain(`Access-Control-Allow-Origin: ${PAGE}`);
    expect(pane.textContent).toContain('Access-Control-Allow-Credentials: true');
  });
});
