// @vitest-environment happy-dom
// In Firefox the detail pane gives the reason as Firefox's console words it: the name, the value the message quotes,
// and both reasons where what Firefox showed the extension cannot tell which one it logged.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluateInFirefox } from '../../../src/core/cors';
import { toEngineExchange } from '../../../src/core/exchange';
import { Panel } from '../../../src/panel/panel';
import { exchange, fakeSource, PAGE, snapshot, stubLayout } from './fixtures';

vi.mock('../../../src/shared/browser', () => ({ browser: {} }));

beforeEach(() => {
  localStorage.clear();
  stubLayout();
});
afterEach(cleanup);

function paneFor(allowOrigin: string) {
  const entry = exchange({ responseHeaders: [['Access-Control-Allow-Origin', allowOrigin]] });
  const inFirefox = { ...entry, verdict: evaluateInFirefox(toEngineExchange(entry.record)) };
  const source = fakeSource();
  render(<Panel source={source} tabId={1} />);
  act(() => source.emit(snapshot([inFirefox])));
  const row = screen.getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === '2');
  if (row) fireEvent.click(row);
  return screen.getByRole('complementary', { name: 'Request details' });
}

describe('Firefox’s console reason in the detail pane', () => {
  it('quotes the value Firefox quotes', () => {
    const pane = paneFor(`${PAGE}/`);
    expect(pane.textContent).toContain(`CORSAllowOriginNotMatchingOrigin quoting ‘${PAGE}/’`);
  });

  it('gives both reasons for a joined Access-Control-Allow-Origin line, and why', () => {
    const pane = paneFor(`${PAGE}, ${PAGE}`);
    expect(pane.textContent).toContain(
      `CORSMultipleAllowOriginNotAllowed or CORSAllowOriginNotMatchingOrigin quoting ‘${PAGE}, ${PAGE}’`,
    );
    expect(pane.textContent).toContain('cannot be told');
  });
});
