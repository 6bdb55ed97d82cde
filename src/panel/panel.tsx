import { useEffect, useMemo } from 'preact/hooks';
import { ALL_HOSTS } from '../core/rules';
import { allowWithAccess } from '../shared/allow-with-access';
import { requestAccessThen } from '../shared/request-access';
import type { Allow } from './allow-temporarily';
import { createPanelState, type PanelState } from './create-panel-state';
import { DetailPane } from './detail-pane';
import { downloadFile } from './download-file';
import { EmptyState } from './empty-state';
import { FilterBar } from './filter-bar';
import type { PanelSource } from './panel-source';
import { RequestTable } from './request-table';
import { RescueStatus } from './rescue-status';
import { toHar } from './to-har';
import { toJsonExport } from './to-json-export';
import { Toolbar } from './toolbar';
import { wholeEntries } from './whole-entries';

export interface PanelProps {
  source: PanelSource;
  tabId: number;
  /** Created by the caller when the source needs the log's last seq (reconnects); else one is made here. */
  state?: PanelState;
  /** Asks for host access, then has the background do something (injected by component tests). */
  requestAccess?: typeof requestAccessThen;
  /** "Allow temporarily": host access for the page and target, then the override (injected by tests). */
  allow?: Allow;
  version?: string;
}

/** The DevTools panel: the request log, its filters and the selected exchange's details. */
export function Panel({
  source,
  tabId,
  state: given,
  requestAccess = requestAccessThen,
  allow = allowWithAccess,
  version = '0',
}: PanelProps) {
  const state = useMemo(() => given ?? createPanelState(tabId), [given, tabId]);
  useEffect(() => source.subscribe((msg) => state.log.apply(msg)), [source, state]);

  const { log, filters, widths, rows, visibleRows, selectedId, detailOpen, selected } = state;
  const status = log.status.value;
  const shown = visibleRows.value;
  const all = rows.value;
  const detail = detailOpen.value ? selected.value : undefined;

  const stamp = () => new Date().toISOString().replaceAll(':', '-').slice(0, 19);
  // The background re-registers its listeners and sends every panel the new status once access is granted.
  const startCapturing = (onAskingElsewhere: () => void) =>
    requestAccess(ALL_HOSTS, { type: 'capture' }, { onAskingElsewhere });

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
        onExportHar={async () => {
          const entries = await wholeEntries(source, log.entries.value);
          downloadFile(`cors-lens-${stamp()}.har`, JSON.stringify(toHar(entries, version), null, 2));
        }}
        onExportJson={async () => {
          const entries = await wholeEntries(source, log.entries.value);
          downloadFile(`cors-lens-${stamp()}.json`, JSON.stringify(toJsonExport(entries, version), null, 2));
        }}
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
            hostAccess={status?.hostAccess}
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
            source={source}
            allow={allow}
            onClose={() => {
              detailOpen.value = false;
            }}
          />
        )}
      </div>
    </div>
  );
}
