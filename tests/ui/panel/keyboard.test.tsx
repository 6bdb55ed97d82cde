// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '../../../src/panel/panel';
import { allowedGet, blockedGet, fakeSource, snapshot, stubLayout } from './fixtures';

vi.mock('../../../src/shared/browser', () => ({ browser: {} }));

beforeEach(() => {
  localStorage.clear();
  stubLayout();
});
afterEach(cleanup);

const selected = () =>
  screen.getAllByRole('row').filter((row) => row.getAttribute('aria-selected') === 'true');
const details = () => screen.queryByRole('complementary', { name: 'Request details' });

describe('keyboard navigation', () => {
  it('moves the selection with Up/Down, opens with Enter, closes with Escape', () => {
    const source = fakeSource();
    render(<Panel source={source} tabId={1} />);
    act(() =>
      source.emit(
        snapshot([
          allowedGet({ path: '/one' }),
          blockedGet({ path: '/two' }),
          allowedGet({ path: '/three' }),
        ]),
      ),
    );
    const grid = screen.getByRole('grid', { name: 'Cross-origin requests' });
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(selected().map((row) => row.getAttribute('aria-rowindex'))).toEqual(['2']);
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' }); // stays on the last row
    expect(selected()[0]?.textContent).toContain('/three');
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    expect(selected()[0]?.textContent).toContain('/two');
    expect(grid.getAttribute('aria-activedescendant')).toBe(selected()[0]?.id);
    expect(details()).toBeNull();
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(details()?.textContent).toContain('/two');
    fireEvent.keyDown(grid, { key: 'ArrowUp' }); // the open pane follows the selection
    expect(details()?.textContent).toContain('/one');
    fireEvent.keyDown(grid, { key: 'Escape' });
    expect(details()).toBeNull();
  });
});
