// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FixInput } from '../../../src/core/fixes';
import { FIX_CHOICE_KEY } from '../../../src/panel/fix-choice';
import { FixTab } from '../../../src/panel/fix-tab';
import { Panel } from '../../../src/panel/panel';
import { exchange, fakeSource, PAGE, snapshot, stubLayout } from './fixtures';

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

const serverSection = (root: HTMLElement) => within(root).getByRole('region', { name: /Server fix/ });
const proxySection = (root: HTMLElement) => within(root).getByRole('region', { name: /No server change/ });
const stackSelect = (root: HTMLElement) =>
  within(serverSection(root)).getByRole('combobox', { name: /Your server stack/ }) as HTMLSelectElement;
const serverCode = (root: HTMLElement) =>
  serverSection(root).querySelector('.snippet pre')?.textContent ?? '';

const remote: FixInput = {
  pageOrigin: 'https://app.example.com',
  targetUrl: 'https://api.example.com/v2/orders/7',
  methods: ['PUT'],
  requestHeaders: ['content-type'],
  credentials: 'include',
  exposeHeaders: [],
  preflight: true,
};

describe('fix tab: the server fix', () => {
  it('shows the minimal headers for the preflight and the actual response', () => {
    const pane = openFix();
    const blocks = [...serverSection(pane).querySelectorAll('.header-block pre')].map(
      (pre) => pre.textContent ?? '',
    );
    expect(blocks[0]).toContain(`Access-Control-Allow-Origin: ${PAGE}`);
    expect(blocks[0]).toContain('Access-Control-Allow-Methods: PATCH');
    expect(blocks[0]).toContain('Access-Control-Allow-Headers: x-cart-token');
  });

  it('credentials unknown (never sent): exact origin with Allow-Credentials, and says why', () => {
    const pane = openFix();
    expect(serverSection(pane).textContent).toContain('Access-Control-Allow-Credentials: true');
    expect(serverSection(pane).textContent).toMatch(/Whether the page sends credentials is unknown/);
    expect(serverSection(pane).textContent).toMatch(/SameSite=None; Secure/);
    expect(serverSection(pane).textContent).not.toMatch(/Allow-Origin: \*/);
  });

  it('offers every stack, each snippet with the real origin, method, header, versions and verification', () => {
    const pane = openFix();
    const select = stackSelect(pane);
    const values = [...select.options].map((option) => option.value);
    expect(values).toHaveLength(10);
    for (const value of values) {
      fireEvent.change(select, { target: { value } });
      const code = serverCode(pane);
      expect(code, value).toContain(PAGE);
      expect(code, value).toContain('PATCH');
      expect(code.toLowerCase(), value).toContain('x-cart-token');
      const meta = serverSection(pane).querySelector('.snippet-meta')?.textContent ?? '';
      expect(meta, value).toMatch(/^For .*\d/);
      expect(meta, value).toMatch(/Verified live: |Not verified live: /);
    }
  });

  it('marks ASP.NET Core and Spring as not verified live, with the reason', () => {
    const pane = openFix();
    for (const value of ['aspnetcore', 'spring']) {
      fireEvent.change(stackSelect(pane), { target: { value } });
      expect(serverSection(pane).querySelector('.snippet-meta')?.textContent).toMatch(
        /Not verified live: Debian 12 packages no/,
      );
      expect(stackSelect(pane).selectedOptions[0]?.textContent).toMatch(/\(not verified live\)$/);
    }
  });

  it('remembers the picked stack for the next exchange', () => {
    const pane = openFix();
    fireEvent.change(stackSelect(pane), { target: { value: 'django' } });
    expect(JSON.parse(localStorage.getItem(FIX_CHOICE_KEY) ?? '{}')).toEqual({ framework: 'django' });
    cleanup();
    const again = openFix();
    expect(stackSelect(again).value).toBe('django');
    expect(serverCode(again)).toContain('CORS_ALLOWED_ORIGINS');
  });

  it('a remote page gets the server fix first', () => {
    render(<FixTab input={remote} />);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings[0]).toMatch(/^Server fix.*Recommended$/);
    expect(headings[1]).toMatch(/No server change/);
  });
});

describe('fix tab: exposed headers the user adds', () => {
  it('adds a header name to every snippet, and removes it again', () => {
    render(<FixTab input={remote} />);
    const field = screen.getByRole('textbox', { name: /Response headers your script reads/ });
    fireEvent.input(field, { target: { value: 'X-Total-Count' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(serverCode(document.body)).toContain('x-total-count');
    expect(serverSection(document.body).textContent).toContain(
      'Access-Control-Expose-Headers: x-total-count',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove x-total-count' }));
    expect(serverCode(document.body)).not.toContain('x-total-count');
  });

  it('refuses a bad name, says why, and keeps the text', () => {
    render(<FixTab input={remote} />);
    const field = screen.getByRole('textbox', {
      name: /Response headers your script reads/,
    }) as HTMLInputElement;
    fireEvent.input(field, { target: { value: 'x-ok, set-cookie' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert').textContent).toMatch(/set-cookie is never readable/);
    expect(field.value).toBe('x-ok, set-cookie');
    expect(serverCode(document.body)).not.toContain('x-ok');
  });
});

describe('fix tab: the dev-server proxy', () => {
  it('comes first for a page on localhost, with the one-line change to the fetch URL', () => {
    const pane = openFix();
    const headings = within(pane)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(headings[0]).toMatch(/^No server change.*Recommended$/);
    const proxy = proxySection(pane);
    expect(proxy.querySelector('.fetch-change')?.textContent).toBe(
      '- http://127.0.0.1:8081/api/cart\n+ /api/cart',
    );
    expect(proxy.querySelector('.snippet pre')?.textContent).toContain("'/api/': {");
  });

  it('guesses the dev server from the port and remembers the pick', () => {
    const pane = openFix();
    const select = within(proxySection(pane)).getByRole('combobox') as HTMLSelectElement;
    expect(select.value).toBe('vite'); // PAGE is on 5173
    fireEvent.change(select, { target: { value: 'angular' } });
    expect(proxySection(pane).querySelector('.snippet pre')?.textContent).toContain('"/api/": {');
    expect(proxySection(pane).textContent).toMatch(/Not verified live: The Angular CLI/);
    expect(JSON.parse(localStorage.getItem(FIX_CHOICE_KEY) ?? '{}')).toEqual({ devServer: 'angular' });
  });
});

describe('fix tab: copying', () => {
  it('copies the snippet to the clipboard and says so', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const pane = openFix();
    fireEvent.change(stackSelect(pane), { target: { value: 'nginx' } });
    fireEvent.click(within(pane).getByRole('button', { name: /Copy nginx snippet/i }));
    await vi.waitFor(() => expect(within(pane).getByText('Copied')).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith(serverCode(pane));
  });

  it('falls back to execCommand when the clipboard API is refused', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: async () => Promise.reject(new Error('denied')) },
    });
    const execCommand = vi.fn(() => true);
    document.execCommand = execCommand;
    const pane = openFix();
    fireEvent.click(within(serverSection(pane)).getByRole('button', { name: /Copy .* snippet/ }));
    await vi.waitFor(() => expect(within(pane).getByText('Copied')).toBeTruthy());
    expect(execCommand).toHaveBeenCalledWith('copy');
  });
});
