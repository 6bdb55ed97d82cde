// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '../../../src/panel/panel';
import {
  allowedGet,
  allowedPut,
  blockedGet,
  fakeSource,
  STATUS,
  snapshot,
  stubLayout,
  update,
} from './fixtures';

vi.mock('../../../src/shared/browser', () => ({ browser: {} }));

beforeEach(() => {
  localStorage.clear();
  stubLayout();
});
afterEach(cleanup);

function dataRows(): HTMLElement[] {
  return screen.getAllByRole('row').filter((row) => row.getAttribute('aria-rowindex') !== '1');
}

describe('request table', () => {
  it('renders the rows a source sends, blocked ones marked with their reason', () => {
    const source = fakeSource();
    render(<Panel source={source} tabId={1} />);
    act(() => source.emit(snapshot([allowedGet(), blockedGet({ path: '/api/profile' })])));
    const rows = dataRows();
    expect(rows).toHaveLength(2);
    expect(rows[0]?.className).toContain('verdict-allowed');
    expect(rows[1]?.className).toContain('verdict-blocked');
    expect(rows[1]?.textContent).toContain('MissingAllowOriginHeader');
    expect(rows[1]?.textContent).toContain('http://127.0.0.1:8081/api/profile');
    expect(rows[1]?.textContent).toContain('http://localhost:5173');
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('3');
  });

  it('marks the preflight as sent, cached or none', () => {
    const source = fakeSource();
    render(<Panel source={source} tabId={1} />);
    const sent = allowedPut();
    const cached = allowedGet();
    cached.record.preflightCached = true;
    act(() => source.emit(snapshot([sent, cached, allowedGet()])));
    const cells = dataRows().map((row) => row.querySelector('.col-preflight')?.textContent);
    expect(cells).toEqual(['sent', 'cached', 'none']);
  });

  it('keeps only the visible rows in the DOM for 10,000 entries', () => {
    const source = fakeSource();
    render(<Panel source={source} tabId={1} />);
    const entries = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? blockedGet() : allowedGet()));
    act(() => source.emit(snapshot(entries)));
    const rows = dataRows();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('10001');
    for (const row of rows) expect(Number(row.getAttribute('aria-rowindex'))).toBeGreaterThan(1);
  });

  it('shows the empty state with a way to grant host access, then follows the background’s status', async () => {
    const source = fakeSource();
    const requestAccess = vi.fn(async () => ({ kind: 'done' as const, result: null }));
    render(<Panel source={source} tabId={1} requestAccess={requestAccess} />);
    act(() => source.emit(snapshot([], { ...STATUS, hostAccess: false })));
    screen.getByRole('button', { name: 'Start capturing' }).click();
    await vi.waitFor(() => expect(requestAccess).toHaveBeenCalled());
    expect(requestAccess.mock.calls[0]?.slice(0, 2)).toEqual([
      ['http://*/*', 'https://*/*'],
      { type: 'capture' },
    ]);
    // Granted, but the background has not said so yet: the button stays, since capture has not started.
    expect(screen.getByRole('button', { name: 'Start capturing' })).toBeTruthy();
    act(() => source.emit({ type: 'update', tabId: 1, entries: [], status: STATUS }));
    expect(screen.getByText(/Reload the page or trigger the failing request/)).toBeTruthy();
  });

  it('says where to confirm when a CORS Lens window asks instead of the panel (Firefox)', async () => {
    const source = fakeSource();
    const requestAccess = vi.fn(
      (_o: readonly string[], _t: unknown, options?: { onAskingElsewhere?: () => void }) =>
        new Promise<never>(() => options?.onAskingElsewhere?.()),
    );
    render(<Panel source={source} tabId={1} requestAccess={requestAccess} />);
    act(() => source.emit(snapshot([], { ...STATUS, hostAccess: false })));
    act(() => screen.getByRole('button', { name: 'Start capturing' }).click());
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toContain('CORS Lens window'));
  });

  it('offers nothing to click before the background has said whether capture can see requests', () => {
    render(<Panel source={fakeSource()} tabId={1} />);
    expect(screen.getByText('Connecting to CORS Lens…')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start capturing' })).toBeNull();
    expect(screen.queryByText(/Reload the page/)).toBeNull();
  });

  it('says so when access is refused', async () => {
    const source = fakeSource();
    render(<Panel source={source} tabId={1} requestAccess={async () => ({ kind: 'denied' })} />);
    act(() => source.emit(snapshot([], { ...STATUS, hostAccess: false })));
    act(() => screen.getByRole('button', { name: 'Start capturing' }).click());
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain('not granted'));
  });

  it('keeps only method, verdict, URL and status beside an open detail pane, and all columns again after', () => {
    const source = fakeSource();
    render(<Panel source={source} tabId={1} />);
    act(() => source.emit(snapshot([blockedGet(), allowedGet()])));
    const headers = () =>
      [...(screen.getAllByRole('row')[0]?.querySelectorAll('.header-cell') ?? [])].map((c) => c.textContent);
    expect(headers()).toHaveLength(8);
    act(() => dataRows()[0]?.click());
    expect(headers()).toEqual(['Method', 'Verdict', 'URL', 'Status']);
    // Every row, not only the selected one (rows skip re-renders when their own props are unchanged).
    for (const row of dataRows()) expect(row.querySelectorAll('[role="gridcell"]')).toHaveLength(4);
    act(() => screen.getByRole('button', { name: 'Close details' }).click());
    expect(headers()).toHaveLength(8);
  });

  it('resizes a column by dragging its header edge and remembers the width', () => {
    const source = fakeSource();
    render(<Panel source={source} tabId={1} />);
    act(() => source.emit(update([allowedGet()])));
    const handle = screen.getByTestId('resize-URL');
    act(() => {
      handle.dispatchEvent(new PointerEvent('pointerdown', { clientX: 100, bubbles: true }));
      window.dispatchEvent(new PointerEvent('pointermove', { clientX: 160 }));
      window.dispatchEvent(new PointerEvent('pointerup', { clientX: 160 }));
    });
    const grid = screen.getByRole('grid');
    // URL's default width is 260: dragged 60 px wider.
    expect(grid.style.getPropertyValue('--columns')).toContain('320px');
    expect(JSON.parse(localStorage.getItem('cors-lens/panel/column-widths') ?? '{}').url).toBe(320);
  });
});

describe('a request the browser failed although its headers pass', () => {
  it('is marked failed, never allowed, kept by "Blocked only", and explained in the detail', () => {
    const failed = allowedGet({ path: '/api/credentialed' });
    failed.record.outcome = 'failed';
    failed.record.error = 'net::ERR_FAILED';
    const source = fakeSource();
    render(<Panel source={source} tabId={1} />);
    act(() => source.emit(snapshot([failed, allowedGet()])));
    const row = dataRows().find((r) => r.dataset.id === failed.record.id);
    expect(row?.className).toContain('verdict-failed');
    expect(row?.querySelector('.col-verdict')?.textContent).toBe('failed · net::ERR_FAILED');
    act(() => screen.getByLabelText('Blocked only').click());
    expect(dataRows()).toHaveLength(1);
    act(() => dataRows()[0]?.click());
    expect(screen.getByRole('note').textContent).toContain('net::ERR_FAILED');
  });
});

describe('an overridden exchange in Firefox, whose server headers were never seen', () => {
  it('credits the override, not the server, in the row and in the detail', () => {
    const seen = allowedGet({ path: '/api/overridden' });
    seen.override = { ruleId: 'r1', label: 'Allow lab', verdict: seen.verdict, serverHeadersUnseen: true };
    const source = fakeSource();
    render(<Panel source={source} tabId={1} />);
    act(() => source.emit(snapshot([seen])));
    const row = dataRows()[0];
    expect(row?.className).toContain('verdict-override');
    expect(row?.querySelector('.col-verdict')?.textContent).toBe(
      "allowed by override · server's headers unseen",
    );
    act(() => row?.click());
    expect(screen.getByRole('note').textContent).toContain("the server's own answer is unknown");
    expect(screen.queryByText('As the server answered')).toBeNull();
    expect(screen.getByText(/As the page saw it/)).toBeTruthy();
  });
});
