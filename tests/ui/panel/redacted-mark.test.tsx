// @vitest-environment happy-dom
// A hidden value is marked as such in the Headers tab, so nobody mistakes "<redacted>" for what the server sent.
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExchangeRecord } from '../../../src/core/exchange/types';
import { HeadersTab } from '../../../src/panel/headers-tab';
import type { LoggedExchange } from '../../../src/shared/panel-protocol';

afterEach(cleanup);

const record = {
  id: '1:a',
  seq: 1,
  tabId: 1,
  pageOrigin: 'http://localhost:3000',
  type: 'xmlhttprequest',
  request: {
    method: 'GET',
    url: 'http://127.0.0.1:4000/data?api_key=redacted',
    headers: [
      ['X-Api-Key', '<redacted>'],
      ['Accept', '*/*'],
    ],
    authorHeaders: [['X-Api-Key', '<redacted>']],
    credentials: 'omit-or-same-origin',
  },
  hops: [],
  response: {
    url: 'http://127.0.0.1:4000/data',
    status: 200,
    headers: [['Content-Type', 'text/plain']],
    time: 2,
  },
  outcome: 'completed',
  startedAt: 1,
  redacted: [
    { field: 'request.headers', name: 'x-api-key' },
    { field: 'request.url', name: 'api_key' },
  ],
} as ExchangeRecord;

describe('the "values redacted" mark', () => {
  it('marks exactly the rows whose value was hidden', () => {
    const logged = { record, verdict: { allowed: true, explanation: '' } } as unknown as LoggedExchange;
    render(<HeadersTab logged={logged} />);
    const marks = screen.getAllByTitle(/hidden/i);
    expect(marks).toHaveLength(1);
    const row = marks[0]?.closest('tr') as HTMLElement;
    expect(within(row).getByText('X-Api-Key')).toBeTruthy();
    expect(screen.getByText(/values redacted/i)).toBeTruthy();
  });
});
