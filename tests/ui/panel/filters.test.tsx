// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FILTERS_KEY } from '../../../src/panel/create-panel-state';
import { filterRows } from '../../../src/panel/filter-rows';
import { Panel } from '../../../src/panel/panel';
import { rowOf } from '../../../src/panel/row-of';
import { allowedGet, blockedGet, exchange, fakeSource, snapshot, stubLayout } from './fixtures';

vi.mock('../../../src/shared/browser', () => ({ browser: {} }));

beforeEach(() => {
  localStorage.clear();
  stubLayout();
});
afterEach(cleanup);

const urls = () =>
  screen
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1')
    .map((row) => row.querySelector('.col-url')?.textContent);

function setup() {
  const source = fakeSource();
  render(<Panel source={source} tabId={1} />);
  act(() =>
    source.emit(
      snapshot([
        allowedGet({ path: '/a' }),
        blockedGet({ path: '/b' }),
        allowedGet({ path: '/c', method: 'POST' }),
        allowedGet({ path: '/font.woff2', type: 'font' }),
      ]),
    ),
  );
}

describe('filters', () => {
  it('shows blocked requests only', () => {
    setup();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Blocked only' }));
    expect(urls()).toEqual(['http://127.0.0.1:8081/b']);
  });

  it('filters by text over URL, host and reason', () => {
    setup();
    const box = screen.getByRole('searchbox', { name: /Filter by URL/ });
    fireEvent.input(box, { target: { value: 'missingallow' } });
    expect(urls()).toEqual(['http://127.0.0.1:8081/b']);
    fireEvent.input(box, { target: { value: 'FONT' } });
    expect(urls()).toEqual(['http://127.0.0.1:8081/font.woff2']);
  });

  it('filters by method and by type', () => {
    setup();
    fireEvent.change(screen.getByRole('combobox', { name: 'Method' }), { target: { value: 'POST' } });
    expect(urls()).toEqual(['http://127.0.0.1:8081/c']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Method' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Type' }), { target: { value: 'font' } });
    expect(urls()).toEqual(['http://127.0.0.1:8081/font.woff2']);
  });

  it('persists the filters and restores them in a new panel', () => {
    setup();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Blocked only' }));
    expect(JSON.parse(localStorage.getItem(FILTERS_KEY) ?? '{}')).toMatchObject({ blockedOnly: true });
    cleanup();
    setup();
    expect((screen.getByRole('checkbox', { name: 'Blocked only' }) as HTMLInputElement).checked).toBe(true);
    expect(urls()).toEqual(['http://127.0.0.1:8081/b']);
  });

  it('ignores stored filters of the wrong shape', () => {
    localStorage.setItem(FILTERS_KEY, JSON.stringify({ blockedOnly: 'yes', text: 3 }));
    setup();
    expect(urls()).toHaveLength(4);
  });

  it('counts in the toolbar exactly the rows “Blocked only” keeps, failed ones included', () => {
    const failed = allowedGet({ path: '/failed' });
    failed.record.outcome = 'failed';
    failed.record.error = 'net::ERR_CONNECTION_RESET';
    const source = fakeSource();
    render(<Panel source={source} tabId={1} />);
    act(() => source.emit(snapshot([allowedGet({ path: '/a' }), blockedGet({ path: '/b' }), failed])));
    expect(screen.getByText(/3 requests, 2 blocked/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Blocked only'));
    expect(urls()).toHaveLength(2);
  });

  // How fast is measured by `npm run bench` (scripts/bench/panel-scale.ts), in a real browser: here, only what.
  it('combines all five filters over 10,000 rows', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => rowOf(i % 4 === 0 ? blockedGet() : allowedGet()));
    const shown = filterRows(rows, {
      blockedOnly: true,
      text: 'missingallow',
      method: 'GET',
      type: 'xmlhttprequest',
      kind: 'cors-config',
    });
    expect(shown).toHaveLength(2_500);
    expect(shown.every((row) => row.verdict === 'blocked')).toBe(true);
    expect(
      filterRows(rows, { blockedOnly: false, text: 'missingallow', method: 'PUT', type: '', kind: '' }),
    ).toEqual([]);
    expect(
      filterRows(rows, { blockedOnly: false, text: '', method: '', type: '', kind: 'server-error' }),
    ).toEqual([]);
  });

  it('offers every kind of failure and keeps only the rows of the kind picked', () => {
    const source = fakeSource();
    render(<Panel source={source} tabId={1} />);
    act(() =>
      source.emit(
        snapshot([
          allowedGet({ path: '/ok' }),
          blockedGet({ path: '/config' }),
          blockedGet({ path: '/crash', status: 500 }),
          exchange({ path: '/lna', networkError: 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS' }),
          exchange({ path: '/refused', method: 'DELETE', preflight: { status: 405, headers: [] } }),
          exchange({ path: '/dropped', networkError: 'net::ERR_EMPTY_RESPONSE' }),
        ]),
      ),
    );
    const select = screen.getByRole('combobox', { name: 'Kind of failure' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'All failure kinds',
      'CORS configuration',
      'Server failed, error lacks CORS headers',
      'Preflight refused',
      'Local-network permission',
      'Redirect CORS forbids',
      'Mixed content or scheme',
      'Not sent (extension, client, network)',
    ]);
    const pick = (kind: string) => fireEvent.change(select, { target: { value: kind } });
    pick('server-error');
    expect(urls()).toEqual(['http://127.0.0.1:8081/crash']);
    pick('local-network');
    expect(urls()).toEqual(['http://127.0.0.1:8081/lna']);
    pick('preflight-refused');
    expect(urls()).toEqual(['http://127.0.0.1:8081/refused']);
    pick('not-sent');
    expect(urls()).toEqual(['http://127.0.0.1:8081/dropped']);
    pick('cors-config');
    expect(urls()).toEqual(['http://127.0.0.1:8081/config']);
    pick('');
    expect(urls()).toHaveLength(6);
  });

  it('a stored kind that no longer exists filters nothing', () => {
    localStorage.setItem(FILTERS_KEY, JSON.stringify({ kind: 'gone' }));
    setup();
    expect(urls()).toHaveLength(4);
  });
});
