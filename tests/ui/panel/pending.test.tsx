// @vitest-environment happy-dom
// A row never contradicts itself: a request still running says so (no "Blocked by CORS" beside "CORS was not the
// cause"), and one CORS Lens had to end says why.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluate } from '../../../src/core/cors';
import { toEngineExchange } from '../../../src/core/exchange';
import { Panel } from '../../../src/panel/panel';
import { allowedGet, fakeSource, snapshot, stubLayout } from './fixtures';

vi.mock('../../../src/shared/browser', () => ({ browser: {} }));

beforeEach(() => {
  localStorage.clear();
  stubLayout();
});
afterEach(cleanup);

function openOnly(entry: ReturnType<typeof allowedGet>) {
  const source = fakeSource();
  render(<Panel source={source} tabId={1} />);
  act(() => source.emit(snapshot([entry])));
  const row = screen.getAllByRole('row')[1];
  if (row) fireEvent.click(row);
  return screen.getByRole('complementary', { name: 'Request details' });
}

describe('unfinished rows', () => {
  it('a pending request says it is waiting, and gives no verdict yet', () => {
    const entry = allowedGet();
    entry.record.outcome = 'pending';
    delete entry.record.response;
    entry.verdict = evaluate(toEngineExchange(entry.record));
    const pane = openOnly(entry);
    expect(pane.querySelector('[data-testid="pending-note"]')).not.toBeNull();
    expect(pane.textContent).not.toContain('Blocked by CORS');
    expect(pane.textContent).not.toContain('CORS was not the cause');
  });

  it('a request CORS Lens ended says why, and keeps the verdict made on its headers', () => {
    const entry = allowedGet();
    entry.record.incomplete = 'no-final-event';
    const pane = openOnly(entry);
    expect(pane.querySelector('[data-testid="incomplete-note"]')?.textContent).toContain(
      'verdict below stands',
    );
    expect(pane.textContent).toContain('Allowed');
  });
});
