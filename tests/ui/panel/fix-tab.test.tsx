// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixInputFor } from '../../../src/panel/fix-input-for';
import { Panel } from '../../../src/panel/panel';
import { allowedGet, exchange, fakeSource, PAGE, snapshot, stubLayout } from './fixtures';

vi.mock('../../../src/shared/browser', () => ({ browser: {} }));

beforeEach(() => {
  localStorage.clear();
  stubLayout();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// PATCH with a custom header, answered 405: needs a preflight the server does not handle.
const failing = () =>
  exchange({
    method: 'PATCH',
    path: '/api/cart',
    authorHeaders: [['X-Cart-Token', 't']],
    preflight: { status: 405, headers: [] },
    credentials: true,
  });

function openFix(entry = failing()) {
  const source = fakeSource();
  render(<Panel source={source} tabId={1} />);
  act(() => source.emit(snapshot([entry])));
  const row = screen.getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === '2');
  if (row) fireEvent.click(row);
  const pane = screen.getByRole('complementary', { name: 'Request details' });
  fireEvent.click(within(pane).getByRole('tab', { name: 'Fix' }));
  return pane;
}

describe('fixInputFor', () => {
  it('maps a blocked exchange field by field', () => {
    const entry = failing();
    expect(fixInputFor(entry)).toEqual({
      pageOrigin: PAGE,
      targetUrl: 'http://127.0.0.1:8081/api/cart',
      methods: ['PATCH'],
      requestHeaders: ['x-cart-token'],
      credentials: false, // never sent: whether cookies would go is unknown
      exposeHeaders: [],
      preflight: true,
      preflightStatus: 405,
    });
  });

  it('has nothing to fix on an allowed exchange', () => {
    expect(fixInputFor(allowedGet())).toBeUndefined();
  });
});

describe('fix tab', () => {
  it('shows the minimal headers for the preflight and the actual response', () => {
    const pane = openFix();
    expect(within(pane).getByText('On the OPTIONS preflight response')).toBeTruthy();
    const blocks = [...pane.querySelectorAll('.header-block pre')].map((pre) => pre.textContent ?? '');
    expect(blocks[0]).toContain(`Access-Control-Allow-Origin: ${PAGE}`);
    expect(blocks[0]).toContain('Access-Control-Allow-Methods: PATCH');
    expect(blocks[0]).toContain('Access-Control-Allow-Headers: x-cart-token');
  });

  it('offers a snippet per framework with the real origin, method and headers', () => {
    const pane = openFix();
    const tabs = within(pane)
      .getAllByRole('tab')
      .filter((tab) => tab.id.startsWith('snippet-tab-'));
    expect(tabs.map((tab) => tab.id.replace('snippet-tab-', ''))).toEqual([
      'express',
      'flask',
      'aspnetcore',
      'nginx',
      'fastapi',
      'django',
      'spring',
      'go',
    ]);
    for (const tab of tabs) {
      fireEvent.click(tab);
      expect(tab.getAttribute('aria-selected')).toBe('true');
      const code = pane.querySelector('#snippet-panel pre')?.textContent ?? '';
      expect(code, tab.id).toContain(PAGE);
      expect(code, tab.id).toContain('PATCH');
      expect(code.toLowerCase(), tab.id).toContain('x-cart-token');
    }
  });

  it('copies the snippet to the clipboard and says so', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const pane = openFix();
    fireEvent.click(within(pane).getByRole('tab', { name: /nginx/i }));
    const code = pane.querySelector('#snippet-panel pre')?.textContent;
    fireEvent.click(within(pane).getByRole('button', { name: /Copy .*nginx.* snippet/i }));
    await vi.waitFor(() => expect(within(pane).getByText('Copied')).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith(code);
  });

  it('falls back to execCommand when the clipboard API is refused', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: async () => Promise.reject(new Error('denied')) },
    });
    const execCommand = vi.fn(() => true);
    document.execCommand = execCommand;
    const pane = openFix();
    fireEvent.click(within(pane).getByRole('button', { name: /Copy .* snippet/ }));
    await vi.waitFor(() => expect(within(pane).getByText('Copied')).toBeTruthy());
    expect(execCommand).toHaveBeenCalledWith('copy');
  });
});
