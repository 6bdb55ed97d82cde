import { useState } from 'preact/hooks';
import { DEFAULT_MAX_BYTES, TAB_LOG_CAPACITY } from '../core/exchange';
import { fixInputForExchange } from '../core/fixes';
import type { LoggedExchange } from '../shared/panel-protocol';
import { type Allow, AllowTemporarily } from './allow-temporarily';
import { CurlButtons } from './curl-buttons';
import { FixTab } from './fix-tab';
import { HeadersTab } from './headers-tab';
import { DETAILS_TIMEOUT_MS, type PanelSource } from './panel-source';
import { RescueOffer, refusedPreflight } from './rescue-offer';
import { useWholeEntry, type WholeEntry } from './use-whole-entry';
import { VerdictTab } from './verdict-tab';

type Tab = 'verdict' | 'headers' | 'fix';
const TABS: { id: Tab; label: string }[] = [
  { id: 'verdict', label: 'Verdict' },
  { id: 'headers', label: 'Headers' },
  { id: 'fix', label: 'Fix' },
];

interface Props {
  /** The selected row, a summary when it came from the background (its header lists are asked for here). */
  logged: LoggedExchange;
  source: PanelSource;
  onClose(): void;
  allow: Allow;
}

/** Everything about the selected exchange: why, which headers, and how to fix it. */
export function DetailPane({ logged: row, source, onClose, allow }: Props) {
  const [tab, setTab] = useState<Tab>('verdict');
  const whole = useWholeEntry(source, row);
  const shown =
    whole.state === 'ready' ? whole.entry : whole.state === 'loading' ? whole.previous : undefined;
  return (
    <aside
      class="detail"
      aria-label="Request details"
      aria-busy={whole.state === 'loading'}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header class="detail-head">
        <div class="detail-title">
          <strong>{row.record.request.method}</strong> <code>{row.record.request.url}</code>
        </div>
        <button type="button" class="close" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </header>
      {shown ? (
        <DetailBody logged={shown} tab={tab} onTab={setTab} allow={allow} />
      ) : (
        <p class="detail-wait muted" role="status">
          {waitingText(whole)}
          {whole.state === 'unanswered' && (
            <button type="button" onClick={whole.retry}>
              Ask again
            </button>
          )}
        </p>
      )}
    </aside>
  );
}

function waitingText(whole: WholeEntry): string {
  switch (whole.state) {
    case 'gone':
      return `CORS Lens's background no longer holds this request's headers: a tab's log keeps its newest ${TAB_LOG_CAPACITY.toLocaleString('en')} requests and ${DEFAULT_MAX_BYTES / 1024 / 1024} MiB at most, and older ones were dropped. The row's verdict in the list stands.`;
    case 'unanswered':
      return `CORS Lens's background did not send this request's headers within ${DETAILS_TIMEOUT_MS / 1000} s.`;
    default:
      return "Loading this request's headers…";
  }
}

interface BodyProps {
  /** A whole entry: its header lists are there. */
  logged: LoggedExchange;
  tab: Tab;
  onTab(tab: Tab): void;
  allow: Allow;
}

function DetailBody({ logged, tab, onTab: setTab, allow }: BodyProps) {
  const fixInput = fixInputForExchange(logged.record, logged.verdict);
  // An override rewrites headers, which cannot lift a Local Network Access refusal.
  const blocked = fixInput !== undefined && !fixInput.localNetwork && !logged.override?.verdict.allowed;
  return (
    <>
      <div class="actions">
        {blocked && (
          <AllowTemporarily
            pageOrigin={logged.record.pageOrigin}
            target={originOf(fixInput.targetUrl)}
            // Unknown credentials: the override names the exact origin and allows credentials, which serves both.
            credentials={fixInput.credentials !== 'omit'}
            exposeHeaders={fixInput.exposeHeaders}
            allow={allow}
          />
        )}
        {blocked && refusedPreflight(logged) && (
          <RescueOffer
            pageOrigin={logged.record.pageOrigin}
            target={originOf(fixInput.targetUrl)}
            // A refused preflight's request was never sent, so its credentials mode is unknown: the exact origin
            // with Allow-Credentials serves both modes.
            credentials={fixInput.credentials !== 'omit'}
            allow={allow}
          />
        )}
        <CurlButtons logged={logged} />
      </div>
      <div role="tablist" aria-label="Detail" class="tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`detail-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="detail-panel"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="detail-panel" aria-labelledby={`detail-tab-${tab}`} class="detail-body">
        {tab === 'verdict' && <VerdictTab logged={logged} />}
        {tab === 'headers' && <HeadersTab logged={logged} />}
        {tab === 'fix' && <FixTab input={fixInput} />}
      </div>
    </>
  );
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
