// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OverrideRule } from '../../../src/core/rules';
import type { Allow } from '../../../src/panel/allow-temporarily';
import { Panel } from '../../../src/panel/panel';
import { toHar } from '../../../src/panel/to-har';
import { toJsonExport } from '../../../src/panel/to-json-export';
import {
  API,
  allowedGet,
  blockedGet,
  captureDownloads,
  exchange,
  fakeSource,
  PAGE,
  snapshot,
  stubLayout,
} from './fixtures';

const { sendMessage } = vi.hoisted(() => ({ sendMessage: vi.fn() }));
vi.mock('../../../src/shared/browser', () => ({ browser: { runtime: { sendMessage } } }));

beforeEach(() => {
  localStorage.clear();
  stubLayout();
  sendMessage.mockReset();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function openFirst(entries = [blockedGet({ credentials: true })], allow: Allow = vi.fn()) {
  const source = fakeSource();
  render(<Panel source={source} tabId={1} allow={allow} />);
  act(() => source.emit(snapshot(entries)));
  const row = screen.getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === '2');
  if (row) fireEvent.click(row);
  return { source, pane: screen.getByRole('complementary', { name: 'Request details' }) };
}

const rule = { id: 'r1', expiresAt: Date.now() + 3_600_000 } as OverrideRule;

describe('Allow temporarily', () => {
  it('asks to allow the page to read the target, with the credentials seen, and shows the rule', async () => {
    const allow = vi.fn<Allow>(async () => ({ rule }));
    const { pane } = openFirst(undefined, allow);
    fireEvent.click(within(pane).getByRole('button', { name: 'Allow temporarily' }));
    await vi.waitFor(() => expect(within(pane).getByText(/Override created \(rule r1\)/)).toBeTruthy());
    expect(allow.mock.calls[0]?.[0]).toEqual({ pageOrigin: PAGE, target: API, credentials: true });
  });

  it('shows what went wrong (access refused, the background’s errors)', async () => {
    const { pane } = openFirst(undefined, async () => ({ problem: 'Access to X and Y was not granted.' }));
    fireEvent.click(within(pane).getByRole('button', { name: 'Allow temporarily' }));
    await vi.waitFor(() =>
      expect(within(pane).getByRole('alert').textContent).toBe('Access to X and Y was not granted.'),
    );
  });

  it('says where to confirm while a CORS Lens window asks for access (Firefox)', async () => {
    const { pane } = openFirst(undefined, (_request, options) => {
      options?.onAskingElsewhere?.();
      return new Promise(() => undefined);
    });
    fireEvent.click(within(pane).getByRole('button', { name: 'Allow temporarily' }));
    await vi.waitFor(() => expect(within(pane).getByText(/Confirm in the CORS Lens window/)).toBeTruthy());
    expect(
      (within(pane).getByRole('button', { name: 'Allow temporarily' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('is not offered on an allowed exchange', () => {
    const { pane } = openFirst([allowedGet()]);
    expect(within(pane).queryByRole('button', { name: 'Allow temporarily' })).toBeNull();
  });
});

describe('copy as cURL', () => {
  it('copies the actual request and the preflight separately', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const entry = exchange({
      method: 'DELETE',
      authorHeaders: [['X-Api-Key', 'k']],
      preflight: { status: 403, headers: [] },
    });
    const { pane } = openFirst([entry]);
    fireEvent.click(within(pane).getByRole('button', { name: 'Copy preflight as cURL' }));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalled());
    expect(writeText.mock.calls[0]?.[0]).toContain('-X OPTIONS');
    expect(writeText.mock.calls[0]?.[0]).toContain('Access-Control-Request-Headers: x-api-key');
    fireEvent.click(within(pane).getByRole('button', { name: 'Copy as cURL' }));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
    expect(writeText.mock.calls[1]?.[0]).toContain('-X DELETE');
  });
});

describe('log actions', () => {
  it('clears and toggles preserve log through the source', () => {
    const { source } = openFirst();
    fireEvent.click(screen.getByRole('button', { name: 'Clear log' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Preserve log' }));
    expect(source.sent).toEqual([
      { type: 'clear', tabId: 1 },
      { type: 'set-preserve-log', tabId: 1, preserve: true },
    ]);
  });

  it('exports the log as a HAR file', async () => {
    const created = captureDownloads();
    openFirst();
    fireEvent.click(screen.getByRole('button', { name: 'Export HAR' }));
    await vi.waitFor(() => expect(created).toHaveLength(1));
  });
});

describe('toHar', () => {
  it('writes valid HAR 1.2 with preflight and actual entries, secrets redacted, verdict attached', () => {
    const preflighted = exchange({
      method: 'PUT',
      authorHeaders: [
        ['Authorization', 'Bearer TOPSECRET'],
        ['Content-Type', 'application/json'],
      ],
      preflight: {
        status: 204,
        headers: [
          ['Access-Control-Allow-Origin', PAGE],
          ['Access-Control-Allow-Methods', 'PUT'],
          ['Access-Control-Allow-Headers', 'authorization, content-type'],
        ],
      },
      responseHeaders: [
        ['Set-Cookie', 'sid=SECRET'],
        ['Access-Control-Allow-Origin', PAGE],
      ],
      credentials: true,
    });
    const har = toHar([preflighted, blockedGet()], '0.1.0');
    const text = JSON.stringify(har);
    expect(text).not.toContain('TOPSECRET');
    expect(text).not.toContain('SECRET');
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'CORS Lens', version: '0.1.0' });
    expect(har.log.entries.map((e) => [e.request.method, e._corsLens.role])).toEqual([
      ['OPTIONS', 'preflight'],
      ['PUT', 'actual'],
      ['GET', 'actual'],
    ]);
    for (const entry of har.log.entries) {
      // The fields HAR 1.2 requires, with the right types.
      expect(Number.isNaN(Date.parse(entry.startedDateTime))).toBe(false);
      expect(entry.time).toBeGreaterThanOrEqual(0);
      for (const key of ['method', 'url', 'httpVersion'] as const)
        expect(typeof entry.request[key]).toBe('string');
      for (const list of [
        entry.request.headers,
        entry.request.cookies,
        entry.request.queryString,
        entry.response.headers,
      ]) {
        expect(Array.isArray(list)).toBe(true);
      }
      expect(entry.request.headersSize).toBe(-1);
      expect(entry.request.bodySize).toBe(-1);
      expect(typeof entry.response.status).toBe('number');
      expect(typeof entry.response.statusText).toBe('string');
      expect(typeof entry.response.httpVersion).toBe('string');
      expect(Array.isArray(entry.response.cookies)).toBe(true);
      expect(typeof entry.response.content.size).toBe('number');
      expect(entry.response.headersSize).toBe(-1);
      expect(entry.response.bodySize).toBe(-1);
      expect(typeof entry.response.content.mimeType).toBe('string');
      expect(typeof entry.response.redirectURL).toBe('string');
      expect(entry.cache).toEqual({});
      for (const t of [entry.timings.send, entry.timings.wait, entry.timings.receive])
        expect(t).toBeGreaterThanOrEqual(0);
    }
    const blocked = har.log.entries[2];
    expect(blocked?._corsLens).toMatchObject({
      allowed: false,
      corsError: 'MissingAllowOriginHeader',
      firefoxReason: 'CORSMissingAllowOrigin',
    });
  });
});

describe('toJsonExport', () => {
  it('keeps every entry, with secrets redacted in every header list', () => {
    const leaky = exchange({
      method: 'PUT',
      authorHeaders: [['Authorization', 'Bearer TOPSECRET']],
      preflight: {
        status: 204,
        headers: [
          ['Access-Control-Allow-Origin', PAGE],
          ['Access-Control-Allow-Methods', 'PUT'],
          ['Access-Control-Allow-Headers', 'authorization'],
        ],
      },
      responseHeaders: [
        ['Set-Cookie', 'sid=SECRET'],
        ['Access-Control-Allow-Origin', PAGE],
      ],
      credentials: true,
    });
    leaky.record.hops = [
      { url: `${API}/old`, status: 302, headers: [['Set-Cookie', 'hop=SECRET']], location: '/new', time: 1 },
    ];
    const exported = toJsonExport([leaky, blockedGet()], '0.1.0');
    const text = JSON.stringify(exported);
    expect(text).not.toContain('SECRET');
    expect(text).toContain('<redacted>');
    expect(exported).toMatchObject({ format: 'cors-lens-log', version: 1, creator: { version: '0.1.0' } });
    expect(exported.entries.map((e) => e.record.id)).toEqual([leaky.record.id, expect.any(String)]);
    expect(exported.entries[0]?.verdict).toEqual(leaky.verdict);
    // The panel's own copy is untouched (redaction works on copies).
    expect(JSON.stringify(leaky)).toContain('SECRET');
  });
});
