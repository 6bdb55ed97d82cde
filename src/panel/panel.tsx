import { useEffect, useMemo, useState } from 'preact/hooks';
import { ALL_HOSTS } from '../core/rules';
import { send } from '../shared/send';
import type { Allow } from './allow-temporarily';
import { createPanelState, type PanelState } from './create-panel-state';
import { DetailPane } from './detail-pane';
import { downloadFile } from './download-file';
import { EmptyState } from './empty-state';
import { FilterBar } from './filter-bar';
import type { PanelSource } from './panel-source';
import { requestHostAccess as defaultRequestHostAccess, type RequestHostAccess } from './request-host-access';
import { RequestTable } from './request-table';
import { RescueStatus } from './rescue-status';
import { toHar } from './to-har';
import { toJsonExport } from './to-json-export';
import { Toolbar } from './toolbar';

/** Everything the capture needs to see: requests to any http(s) host. */
export const CAPTURE_ORIGINS = [...ALL_HOSTS];

export interface PanelProps {
  source: PanelSource;
  tabId: number;
  /** Created by the caller when the source needs the log's last seq (reconnects); else one is made here. */
  state?: PanelState;
  requestHostAccess?: RequestHostAccess;
  allow?: Allow;
  version?: string;
}

const defaultAllow: Allow = (request) => send('rules/allow', request);

/** The DevTools panel: the request log, its filters and the selected exchange's details. */
export function Panel({
  source,
  tabId,
  state: given,
  requestHostAccess = defaultRequestHostAccess,
  allow = defaultAllow,
  version = '0',
}: PanelProps) {
  const state = useMemo(() => given ?? createPanelState(tabId), [given, tabId]);
  // Firefox: the background may still report no access right after the grant (its permissions.contains lags
  // the panel's request), so the panel trusts its own successful request until the status catches up.
  const [granted, setGranted] = useState(false);
  useEffect(() => source.subscribe((msg) => state.log.apply(msg)), [source, state]);

  const { log, filters, widths, rows, visibleRows, selectedId, detailOpen, selected } = state;
  const status = log.status.value;
  const shown = visibleRows.value;
  const all = rows.value;
  const detail = detailOpen.value ? selected.value : undefined;

  const stamp = () => new Date().toISOString().replaceAll(':', '-').slice(0, 19);
  const startCapturing = async () => {
    const ok = await requestHostAccess(CAPTURE_ORIGINS);
    setGranted(ok);
    // A fresh snapshot carries the new hostAccess status.
    if (ok) source.send({ type: 'subscribe', tabId, afterSeq: log.lastSeq() });
    return ok;
  };

  return (
    <div class="panel">
      <Toolbar
        status={status}
        shown={shown.length}
        total={all.length}
        blocked={state.blockedCount.value}
        onClear={() => {
          selectedId.value = undefined;
          detailOpen.value = false;
          source.send({ type: 'clear', tabId });
        }}
        onPreserve={(preserve) => source.send({ type: 'set-preserve-log', tabId, preserve })}
        onExportHar={() =>
          downloadFile(`cors-lens-${stamp()}.har`, JSON.stringify(toHar(log.entries.value, version), null, 2))
        }
        onExportJson={() =>
          downloadFile(
            `cors-lens-${stamp()}.json`,
            JSON.stringify(toJsonExport(log.entries.value, version), null, 2),
          )
        }
      />
      <RescueStatus tabId={tabId} />
      <FilterBar
        filters={filters.value}
        methods={state.methods.value}
        types={state.types.value}
        onChange={(next) => {
          filters.value = next;
        }}
      />
      <div class={`main${detail ? ' with-detail' : ''}`}>
        {shown.length === 0 ? (
          <EmptyState
            hostAccess={granted || (status?.hostAccess ?? true)}
            filtered={all.length > 0}
            onStartCapturing={startCapturing}
          />
        ) : (
          <RequestTable
            rows={shown}
            selectedId={selectedId.value}
            widths={widths.value}
            compact={detail !== undefined}
            onSelect={(id) => {
              selectedId.value = id;
            }}
            onOpen={() => {
              detailOpen.value = true;
            }}
            onClose={() => {
              detailOpen.value = false;
            }}
            onResize={(column, width) => {
              widths.value = { ...widths.value, [column]: width };
            }}
          />
        )}
        {detail && (
          <DetailPane
            key={detail.record.id}
            logged={detail}
            allow={allow}
            requestHostAccess={requestHostAccess}
            onClose={() => {
              detailOpen.value = false;
            }}
          />
        )}
      </div>
    </div>
  );
}
