// @vitest-environment happy-dom
// The kind of failure, in the log and at the top of the Verdict tab, before the CorsError name; the cached
// preflight notice; the * / Authorization warning on the row; the Fix tab of a Local Network Access refusal.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluate } from '../../../src/core/cors';
import { toEngineExchange } from '../../../src/core/exchange';
import { Panel } from '../../../src/panel/panel';
import type { LoggedExchange } from '../../../src/shared/panel-protocol';
import { blockedGet, exchange, fakeSource, PAGE, snapshot, stubLayout } from './fixtures';

vi.mock('../../../src/shared/browser', () => ({ browser: {} }));

beforeEach(() => {
  localStorage.clear();
  stubLayout();
});
afterEach(cleanup);

function open(entry: LoggedExchange) {
  const source = fakeSource();
  render(<Panel source={source} tabId={1} />);
  act(() => source.emit(snapshot([entry])));
  const row = screen.getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === '2');
  if (!row) throw new Error('no row');
  const verdictCell = row.querySelector('.col-verdict')?.textContent ?? '';
  fireEvent.click(row);
  const pane = screen.getByRole('complementary', { name: 'Request details' });
  return { verdictCell, pane };
}

/** A preflighted PUT refused by Local Network Access as Chromium reports it: ERR_FAILED twice, no response. */
function lnaPreflighted(): LoggedExchange {
  const entry = exchange({ method: 'PUT', networkError: 'net::ERR_FAILED' });
  entry.record.preflight = {
    requestId: 'p',
    request: { headers: [['Access-Control-Request-Method', 'PUT']], time: entry.record.startedAt },
    error: 'net::ERR_FAILED',
  };
  entry.record.request.credentials = 'unknown';
  return { record: entry.record, verdict: evaluate(toEngineExchange(entry.record)) };
}

describe('the kind of failure before the CorsError name', () => {
  it('server error: row and headline name the status; the CorsError follows', () => {
    const { verdictCell, pane } = open(
      blockedGet({ status: 500, statusLine: 'HTTP/1.1 500 Internal Server Error' }),
    );
    expect(verdictCell).toBe('blocked · server error 500 · MissingAllowOriginHeader');
    const headline = within(pane).getByRole('region', { name: 'Kind of failure' });
    expect(headline.textContent).toContain(
      'The server failed (500 Internal Server Error) and its error response lacks CORS headers',
    );
    expect(headline.textContent).toContain('error responses too');
    // The headline comes first, the Chromium name after it.
    const text = pane.textContent ?? '';
    expect(text.indexOf('The server failed')).toBeLessThan(text.indexOf('Chromium error'));
    fireEvent.click(within(pane).getByRole('tab', { name: 'Fix' }));
    expect(pane.textContent).toContain('answered 500 without CORS headers');
  });

  it('Local Network Access (Chromium, preflighted): the browser’s verdict, the permission and the ways out', () => {
    const { verdictCell, pane } = open(lnaPreflighted());
    expect(verdictCell).toBe('blocked · local network · LocalNetworkAccessPermissionDenied');
    const headline = within(pane).getByRole('region', { name: 'Kind of failure' }).textContent ?? '';
    expect(headline).toContain('Local-network permission');
    expect(headline).toContain('`loopback-network`');
    expect(headline).toContain('Access-Control-Allow-Private-Network no longer helps');
    expect(headline).toContain('targetAddressSpace');
    expect(pane.textContent).not.toContain('got no response');
    // An override cannot lift it: no "Allow temporarily"; the Fix tab offers the ways out and the proxy only.
    expect(within(pane).queryByRole('button', { name: 'Allow temporarily' })).toBeNull();
    fireEvent.click(within(pane).getByRole('tab', { name: 'Fix' }));
    expect(within(pane).getByRole('heading', { name: 'No response header can fix this' })).toBeTruthy();
    expect(pane.textContent).toContain('proxy through your dev server');
    expect(within(pane).queryByRole('combobox', { name: /Your server stack/ })).toBeNull();
  });

  it('a refused preflight, and a request that got no response', () => {
    expect(open(exchange({ method: 'DELETE', preflight: { status: 405, headers: [] } })).verdictCell).toBe(
      'blocked · preflight refused 405 · PreflightMissingAllowOriginHeader',
    );
    cleanup();
    const { verdictCell, pane } = open(exchange({ networkError: 'net::ERR_EMPTY_RESPONSE' }));
    expect(verdictCell).toBe('blocked · not sent · net::ERR_EMPTY_RESPONSE');
    expect(pane.textContent).toContain('No response: the network failed, not CORS');
    expect(pane.textContent).toContain('closed the connection without answering');
  });

  it('a plain CORS configuration failure keeps its headline short', () => {
    const { verdictCell, pane } = open(blockedGet());
    expect(verdictCell).toBe('blocked · CORS config · MissingAllowOriginHeader');
    expect(pane.textContent).toContain(
      'CORS configuration: the server’s CORS headers do not allow this request',
    );
  });
});

describe('cached preflights and the * / Authorization warning', () => {
  it('says where a cached preflight came from, until when, and that server changes are invisible', () => {
    const entry = exchange({
      method: 'PUT',
      authorHeaders: [['Authorization', 'Bearer t']],
      responseHeaders: [['Access-Control-Allow-Origin', PAGE]],
    });
    entry.record.preflightCached = true;
    entry.record.preflightCacheSource = {
      requestId: 'p0',
      answeredAt: entry.record.startedAt - 1_000,
      headers: [
        ['Access-Control-Allow-Origin', PAGE],
        ['Access-Control-Allow-Methods', 'PUT'],
        ['Access-Control-Allow-Headers', '*'],
        ['Access-Control-Max-Age', '600'],
      ],
    };
    const logged = { record: entry.record, verdict: evaluate(toEngineExchange(entry.record)) };
    const { verdictCell, pane } = open(logged);
    expect(verdictCell).toBe('allowed · ⚠ Authorization via *');
    const notice = within(pane).getByRole('region', { name: 'Cached preflight' }).textContent ?? '';
    expect(notice).toContain('`Access-Control-Max-Age: 600` keeps it until');
    expect(notice).toContain('stays invisible');
    expect(pane.textContent).toContain('One-line fix: `Access-Control-Allow-Headers: authorization`');
  });
});
