import { useState } from 'preact/hooks';
import { fixInputForExchange } from '../core/fixes';
import type { LoggedExchange } from '../shared/panel-protocol';
import { type Allow, AllowTemporarily } from './allow-temporarily';
import { CurlButtons } from './curl-buttons';
import { FixTab } from './fix-tab';
import { HeadersTab } from './headers-tab';
import { RescueOffer, refusedPreflight } from './rescue-offer';
import { VerdictTab } from './verdict-tab';

type Tab = 'verdict' | 'headers' | 'fix';
const TABS: { id: Tab; label: string }[] = [
  { id: 'verdict', label: 'Verdict' },
  { id: 'headers', label: 'Headers' },
  { id: 'fix', label: 'Fix' },
];

interface Props {
  logged: LoggedExchange;
  onClose(): void;
  allow: Allow;
}

/** Everything about the selected exchange: why, which headers, and how to fix it. */
export function DetailPane({ logged, onClose, allow }: Props) {
  const [tab, setTab] = useState<Tab>('verdict');
  const fixInput = fixInputForExchange(logged.record, logged.verdict);
  // An override rewrites headers, which cannot lift a Local Network Access refusal.
  const blocked = fixInput !== undefined && !fixInput.localNetwork && !logged.override?.verdict.allowed;
  return (
    <aside
      class="detail"
      aria-label="Request details"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header class="detail-head">
        <div class="detail-title">
          <strong>{logged.record.request.method}</strong> <code>{logged.record.request.url}</code>
        </div>
        <button type="button" class="close" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </header>
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
    </aside>
  );
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
