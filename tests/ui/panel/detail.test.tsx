// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '../../../src/panel/panel';
import { blockedGet, exchange, fakeSource, PAGE, snapshot, stubLayout } from './fixtures';

vi.mock('../../../src/shared/browser', () => ({ browser: {} }));

beforeEach(() => {
  localStorage.clear();
  stubLayout();
});
afterEach(cleanup);

function open(entry = blockedGet()) {
  const source = fakeSource();
  render(<Panel source={source} tabId={1} />);
  act(() => source.emit(snapshot([entry])));
  const row = screen.getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === '2');
  if (!row) throw new Error('no row');
  fireEvent.click(row);
  return screen.getByRole('complementary', { name: 'Request details' });
}

describe('detail pane', () => {
  it('explains the verdict with both browsers’ error names and an MDN link', () => {
    const entry = blockedGet();
    const pane = open(entry);
    expect(within(pane).getByText(entry.verdict.explanation)).toBeTruthy();
    expect(within(pane).getByText('MissingAllowOriginHeader')).toBeTruthy();
    expect(within(pane).getByText('CORSMissingAllowOrigin')).toBeTruthy();
    const link = within(pane).getByRole('link', { name: /MDN/ }) as HTMLAnchorElement;
    expect(link.href).toBe(entry.verdict.mdn);
    expect(link.href).toContain('developer.mozilla.org');
  });

  it('names every header Chromium may have named when the request was never sent', () => {
    const entry = blockedGet();
    const pane = open({
      ...entry,
      verdict: {
        ...entry.verdict,
        corsError: 'HeaderDisallowedByPreflightResponse',
        failedParameter: 'authorization',
        failedParameterAmong: ['authorization', 'x-trace'],
      },
    });
    const error = within(pane).getByText('HeaderDisallowedByPreflightResponse').closest('dd') as HTMLElement;
    expect(error.textContent).toContain('failed parameter one of authorization, x-trace');
  });

  it('shows the engine’s note when a request passes only because * covered Authorization', () => {
    const pane = open(
      exchange({
        method: 'PUT',
        authorHeaders: [['Authorization', 'Bearer t']],
        preflight: {
          status: 204,
          headers: [
            ['Access-Control-Allow-Origin', PAGE],
            ['Access-Control-Allow-Methods', 'PUT'],
            ['Access-Control-Allow-Headers', '*'],
          ],
        },
        responseHeaders: [['Access-Control-Allow-Origin', PAGE]],
      }),
    );
    expect(within(pane).getByText(/List `Authorization` by name/)).toBeTruthy();
  });

  it('shows the timeline from preflight to the actual request', () => {
    const pane = open(
      exchange({
        method: 'PUT',
        authorHeaders: [['X-Api-Key', 'k']],
        preflight: { status: 405, headers: [] },
      }),
    );
    const timeline = within(pane).getByRole('list', { name: 'Timeline' });
    expect(timeline.textContent).toContain('Preflight OPTIONS');
    expect(timeline.textContent).toContain('405');
    expect(timeline.textContent).toContain('not sent');
  });

  it('lists request headers with the author headers marked, and the response headers', () => {
    const pane = open(
      exchange({
        method: 'POST',
        authorHeaders: [
          ['Content-Type', 'application/json'],
          ['X-Trace', '1'],
        ],
        preflight: {
          status: 204,
          headers: [
            ['Access-Control-Allow-Origin', 'http://localhost:5173'],
            ['Access-Control-Allow-Headers', 'content-type, x-trace'],
          ],
        },
        responseHeaders: [['Content-Type', 'text/plain']],
      }),
    );
    fireEvent.click(within(pane).getByRole('tab', { name: 'Headers' }));
    const marked = [...pane.querySelectorAll('tr[data-author]')].map(
      (tr) => tr.querySelector('th')?.firstChild?.textContent,
    );
    expect(marked).toEqual(['Content-Type', 'X-Trace']);
    expect(within(pane).getByText('Preflight request headers (OPTIONS)')).toBeTruthy();
    expect(within(pane).getByText(/Response headers as the server sent them/)).toBeTruthy();
    expect(pane.querySelector('tr.highlight')).toBeNull(); // nothing on the actual response names the missing header
  });

  it('closes with the close button', () => {
    open();
    fireEvent.click(screen.getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('complementary', { name: 'Request details' })).toBeNull();
  });
});
