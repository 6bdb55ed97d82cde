// @vitest-environment happy-dom
// The background streams rows as summaries: the detail pane asks for the selected row's whole record, shows it
// with the row's own verdict, asks again when the row changes, and says so when the background no longer has it
// or does not answer; an export asks for every row's.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoggedExchange } from '../../../src/core/exchange';
import { Panel } from '../../../src/panel/panel';
import type { JsonExport } from '../../../src/panel/to-json-export';
import { allowedGet, blockedGet, captureDownloads, PAGE, stubLayout, summarySource } from './fixtures';

vi.mock('../../../src/shared/browser', () => ({ browser: {} }));

beforeEach(() => {
  localStorage.clear();
  stubLayout();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function openFirst(entries: LoggedExchange[], answering = true) {
  const source = summarySource();
  source.answering = answering;
  render(<Panel source={source} tabId={1} />);
  act(() => source.emitSummaries('snapshot', entries));
  const row = screen.getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === '2');
  if (!row) throw new Error('no row');
  fireEvent.click(row);
  return { source, pane: screen.getByRole('complementary', { name: 'Request details' }) };
}

/** Opens the Headers tab once the whole record came (before, the pane has no tabs). */
const headersTab = async (pane: HTMLElement) =>
  fireEvent.click(await vi.waitFor(() => within(pane).getByRole('tab', { name: 'Headers' })));

describe('detail pane of a streamed summary', () => {
  it('asks for the row’s whole record and shows its headers, judged as the row was', async () => {
    const entry = blockedGet({ responseHeaders: [['X-Served-By', 'api-7']] });
    const { source, pane } = openFirst([entry]);
    expect(source.asked).toEqual([[entry.record.id]]);
    await vi.waitFor(() => expect(within(pane).getByText(entry.verdict.explanation)).toBeTruthy());
    await headersTab(pane);
    expect(within(pane).getByText('api-7')).toBeTruthy();
    expect(within(pane).getByText(PAGE)).toBeTruthy(); // the Origin the request sent
    expect(pane.getAttribute('aria-busy')).toBe('false');
  });

  it('asks again when the row changes, and shows the new state', async () => {
    const entry = allowedGet({
      responseHeaders: [
        ['Access-Control-Allow-Origin', '*'],
        ['X-Version', 'first'],
      ],
    });
    const { source, pane } = openFirst([entry]);
    await headersTab(pane);
    await vi.waitFor(() => expect(within(pane).getByText('first')).toBeTruthy());
    const changed = structuredClone(entry);
    changed.record.seq += 100;
    changed.record.response = {
      ...(changed.record.response as NonNullable<LoggedExchange['record']['response']>),
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['X-Version', 'second'],
      ],
    };
    act(() => source.emitSummaries('update', [changed]));
    await vi.waitFor(() => expect(within(pane).getByText('second')).toBeTruthy());
    expect(source.asked).toEqual([[entry.record.id], [entry.record.id]]);
  });

  it('says the background no longer holds a row it dropped, and shows no empty header list for it', async () => {
    const entry = blockedGet();
    const source = summarySource();
    render(<Panel source={source} tabId={1} />);
    act(() => source.emitSummaries('snapshot', [entry]));
    source.held.clear(); // dropped by the background's caps
    const row = screen.getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === '2');
    fireEvent.click(row as HTMLElement);
    const pane = screen.getByRole('complementary', { name: 'Request details' });
    await vi.waitFor(() => expect(within(pane).getByRole('status').textContent).toContain('no longer holds'));
    expect(within(pane).queryByRole('tab', { name: 'Headers' })).toBeNull();
  });

  it('says so when the background does not answer, and asks again on request', async () => {
    const entry = blockedGet();
    const { source, pane } = openFirst([entry], false);
    await vi.waitFor(() => expect(within(pane).getByRole('status').textContent).toContain('did not send'));
    source.answering = true;
    fireEvent.click(within(pane).getByRole('button', { name: 'Ask again' }));
    await vi.waitFor(() => expect(within(pane).getByText(entry.verdict.explanation)).toBeTruthy());
    expect(source.asked).toHaveLength(2);
  });

  it('shows a loading state, not an empty header list, until the answer comes', () => {
    const source = summarySource();
    let answer: (entries: LoggedExchange[]) => void = () => {};
    source.details = (ids) => {
      source.asked.push(ids);
      return new Promise((resolve) => {
        answer = resolve;
      });
    };
    render(<Panel source={source} tabId={1} />);
    const entry = blockedGet();
    act(() => source.emitSummaries('snapshot', [entry]));
    fireEvent.click(screen.getAllByRole('row')[1] as HTMLElement);
    const pane = screen.getByRole('complementary', { name: 'Request details' });
    expect(pane.getAttribute('aria-busy')).toBe('true');
    expect(within(pane).getByRole('status').textContent).toContain('Loading');
    expect(within(pane).queryByRole('tab', { name: 'Headers' })).toBeNull();
    answer([]);
  });
});

describe('exports of streamed summaries', () => {
  it('exports every row with its headers, asked in one request; a row the background dropped is marked', async () => {
    const created = captureDownloads();
    const kept = allowedGet({
      responseHeaders: [
        ['Access-Control-Allow-Origin', '*'],
        ['X-Kept', 'yes'],
      ],
    });
    const dropped = blockedGet();
    const source = summarySource();
    render(<Panel source={source} tabId={1} />);
    act(() => source.emitSummaries('snapshot', [kept, dropped]));
    source.held.delete(dropped.record.id);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await vi.waitFor(() => expect(created).toHaveLength(1));
    expect(source.asked).toEqual([[kept.record.id, dropped.record.id]]);
    const json = JSON.parse(await (created[0] as Blob).text()) as JsonExport;
    const [first, second] = json.entries;
    expect(first?.headersOmitted).toBeUndefined();
    expect(first?.record.response?.headers).toContainEqual(['X-Kept', 'yes']);
    expect(second?.headersOmitted).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Export HAR' }));
    await vi.waitFor(() => expect(created).toHaveLength(2));
    const har = JSON.parse(await (created[1] as Blob).text()) as {
      log: { entries: { response: { headers: { name: string }[] }; _corsLens: { headersOmitted?: true } }[] };
    };
    expect(har.log.entries.map((e) => e._corsLens.headersOmitted ?? false)).toEqual([false, true]);
    expect(har.log.entries[0]?.response.headers.map((h) => h.name)).toContain('X-Kept');
  });

  it('exports summaries, marked, when the background does not answer', async () => {
    const created = captureDownloads();
    const source = summarySource();
    source.answering = false;
    render(<Panel source={source} tabId={1} />);
    act(() => source.emitSummaries('snapshot', [blockedGet()]));
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await vi.waitFor(() => expect(created).toHaveLength(1));
    const json = JSON.parse(await (created[0] as Blob).text()) as JsonExport;
    expect(json.entries.map((e) => e.headersOmitted)).toEqual([true]);
  });
});
