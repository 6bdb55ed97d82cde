// @vitest-environment happy-dom
// The panel and answered preflights: a rescued exchange says "preflight answered by CORS Lens" with the server's
// own answer beside it, and its Fix tab still gives the server change; a blocked exchange whose preflight the
// server refused offers the option, explaining the browser's debugging bar before anything is asked.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluate } from '../../../src/core/cors';
import { toEngineExchange, withRescue } from '../../../src/core/exchange';
import type { OverrideRule } from '../../../src/core/rules';
import type { Allow } from '../../../src/panel/allow-temporarily';
import { Panel } from '../../../src/panel/panel';
import { RescueOffer } from '../../../src/panel/rescue-offer';
import { RescueStatus } from '../../../src/panel/rescue-status';
import type { LoggedExchange } from '../../../src/shared/panel-protocol';
import { CANNOT_ANSWER_PREFLIGHTS } from '../../../src/shared/ui/rescue-explanation';
import { rule } from '../../unit/rules/fixtures';
import { API, exchange, fakeSource, PAGE, snapshot, stubLayout } from './fixtures';

const { sendMessage } = vi.hoisted(() => ({ sendMessage: vi.fn() }));
vi.mock('../../../src/shared/browser', () => ({ browser: { runtime: { sendMessage } } }));

beforeEach(() => {
  localStorage.clear();
  stubLayout();
});
afterEach(cleanup);

const rescuing = rule({ answerPreflights: true, credentials: true });

/** A PUT whose preflight the server answered 401 and CORS Lens answered instead: the request went out. */
function rescued(): LoggedExchange {
  const refused = exchange({
    method: 'PUT',
    authorHeaders: [['Content-Type', 'application/json']],
    preflight: { status: 401, headers: [['WWW-Authenticate', 'Bearer']] },
  });
  const { record } = refused;
  record.request.headers = [
    ['Origin', PAGE],
    ['Content-Type', 'application/json'],
  ];
  record.request.credentials = 'omit-or-same-origin';
  record.response = { url: record.request.url, status: 200, headers: [], time: record.startedAt + 30 };
  record.outcome = 'completed';
  delete record.error;
  return {
    record,
    verdict: evaluate(toEngineExchange(record)),
    override: {
      ruleId: rescuing.id,
      label: 'localhost:5173 → 127.0.0.1:8081',
      verdict: evaluate(toEngineExchange(withRescue(record, rescuing))),
      preflightAnswered: true,
    },
  };
}

function open(entries: LoggedExchange[]) {
  const source = fakeSource();
  render(<Panel source={source} tabId={1} />);
  act(() => source.emit(snapshot(entries)));
  const row = screen.getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === '2');
  if (row) fireEvent.click(row);
  return { row, pane: screen.getByRole('complementary', { name: 'Request details' }) };
}

describe('a rescued exchange in the panel', () => {
  it('its row credits CORS Lens and names the server’s status', () => {
    const { row } = open([rescued()]);
    expect(row?.textContent).toContain('preflight answered by CORS Lens (server: 401)');
  });

  it('the verdict shows CORS Lens’s answer beside the server’s own, which is still judged', () => {
    const { pane } = open([rescued()]);
    const note = within(pane).getByTestId('preflight-answered');
    expect(note.textContent).toContain('The server answered401 with no Access-Control-* header');
    expect(note.textContent).toContain('CORS Lens answered instead204');
    expect(within(pane).getByText('As the server answered')).toBeTruthy();
    expect(within(pane).getByText('PreflightMissingAllowOriginHeader')).toBeTruthy();
  });

  it('its Fix tab still gives the server change: answer OPTIONS with 2xx and the headers', () => {
    const { pane } = open([rescued()]);
    fireEvent.click(within(pane).getByRole('tab', { name: 'Fix' }));
    const text = pane.textContent ?? '';
    expect(text).not.toContain('Nothing to fix');
    expect(text).toContain('The preflight got 401: authentication runs before CORS.');
    expect(text).toContain('Access-Control-Allow-Origin');
    expect(text).toContain(PAGE);
  });

  it('an exchange CORS Lens did not answer carries no such note', () => {
    const { pane } = open([exchange({ responseHeaders: [['Access-Control-Allow-Origin', '*']] })]);
    expect(within(pane).queryByTestId('preflight-answered')).toBeNull();
  });
});

describe('the offer on an exchange the server’s refused preflight blocked', () => {
  it('is shown next to "Allow temporarily" (the build decides whether it can run: none here, so the sentence)', () => {
    const { pane } = open([exchange({ method: 'PUT', preflight: { status: 405, headers: [] } })]);
    expect(within(pane).getByTestId('cannot-answer-preflights').textContent).toBe(CANNOT_ANSWER_PREFLIGHTS);
  });

  it('is not shown when headers can fix the preflight', () => {
    const { pane } = open([exchange({ method: 'PUT', preflight: { status: 204, headers: [] } })]);
    expect(within(pane).queryByTestId('cannot-answer-preflights')).toBeNull();
    expect(within(pane).queryByRole('button', { name: 'Answer its preflights…' })).toBeNull();
  });

  it('Chromium: explains the bar, then one click asks for the hosts and the debugger permission and allows with the option on', async () => {
    const allow = vi.fn<Allow>(async () => ({ rule: {} as OverrideRule }));
    render(<RescueOffer pageOrigin={PAGE} target={API} credentials allow={allow} supported />);
    fireEvent.click(screen.getByRole('button', { name: 'Answer its preflights…' }));
    expect(screen.getByTestId('rescue-explanation').textContent).toContain('started debugging this browser');
    expect(allow).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Allow and answer preflights' }));
    expect(await screen.findByRole('status')).toBeTruthy();
    expect(allow).toHaveBeenCalledWith(
      { pageOrigin: PAGE, target: API, credentials: true, answerPreflights: true },
      { permissions: ['debugger'] },
    );
  });

  it('Chromium: a refused permission says so', async () => {
    const allow = vi.fn<Allow>(async () => ({ problem: 'Access to X and Y was not granted.' }));
    render(<RescueOffer pageOrigin={PAGE} target={API} credentials={false} allow={allow} supported />);
    fireEvent.click(screen.getByRole('button', { name: 'Answer its preflights…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Allow and answer preflights' }));
    expect((await screen.findByRole('alert')).textContent).toContain('not granted');
  });
});

describe('the panel’s line while CORS Lens answers preflights in its tab', () => {
  it('names the overrides it answers for, from the background’s answer for this tab', async () => {
    sendMessage.mockResolvedValue({
      answering: [{ ruleId: 'r1', label: 'localhost:5173 → 127.0.0.1:8081' }],
    });
    render(<RescueStatus tabId={7} supported />);
    expect((await screen.findByTestId('rescue-status')).textContent).toContain(
      'answers the preflights the server refuses for localhost:5173 → 127.0.0.1:8081',
    );
    expect(sendMessage).toHaveBeenCalledWith({ type: 'rescue/status', tabId: 7 });
  });

  it('says nothing when it answers none, and asks nothing where it cannot answer', async () => {
    sendMessage.mockReset();
    sendMessage.mockResolvedValue({ answering: [] });
    render(<RescueStatus tabId={7} supported />);
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalled());
    expect(screen.queryByTestId('rescue-status')).toBeNull();
    cleanup();
    sendMessage.mockReset();
    render(<RescueStatus tabId={7} supported={false} />);
    expect(sendMessage).not.toHaveBeenCalled();
  });
});
