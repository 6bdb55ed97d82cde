import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { LoggedExchange } from '../shared/panel-protocol';
import { type ColumnWidths, DEFAULT_WIDTHS } from './columns';
import { createLogStore, type LogStore } from './create-log-store';
import { type Filters, filterRows, isBlockedRow, NO_FILTERS } from './filter-rows';
import { persistedSignal } from './persisted-signal';
import { type Row, rowOf } from './row-of';

export const FILTERS_KEY = 'cors-lens/panel/filters';
export const WIDTHS_KEY = 'cors-lens/panel/column-widths';

/** Everything the panel's components read: the log and the view state derived from it. */
export interface PanelState {
  log: LogStore;
  filters: Signal<Filters>;
  widths: Signal<ColumnWidths>;
  rows: ReadonlySignal<Row[]>;
  visibleRows: ReadonlySignal<Row[]>;
  selectedId: Signal<string | undefined>;
  detailOpen: Signal<boolean>;
  selected: ReadonlySignal<LoggedExchange | undefined>;
  /** Counted once per change of the log, not on every render (10,000 rows). */
  blockedCount: ReadonlySignal<number>;
  /** Distinct methods and types seen, for the filter menus. */
  methods: ReadonlySignal<string[]>;
  types: ReadonlySignal<string[]>;
}

export function createPanelState(tabId?: number): PanelState {
  const log = createLogStore(tabId);
  const filters = persistedSignal<Filters>(FILTERS_KEY, NO_FILTERS);
  const widths = persistedSignal<ColumnWidths>(WIDTHS_KEY, DEFAULT_WIDTHS);
  const rows = computed(() => log.entries.value.map(rowOf));
  const visibleRows = computed(() => filterRows(rows.value, filters.value));
  const selectedId = signal<string | undefined>(undefined);
  const detailOpen = signal(false);
  const selected = computed(() => {
    const id = selectedId.value;
    return id === undefined ? undefined : rows.value.find((row) => row.id === id)?.entry;
  });
  const distinct = (pick: (row: Row) => string) => computed(() => [...new Set(rows.value.map(pick))].sort());
  return {
    log,
    filters,
    widths,
    rows,
    visibleRows,
    selectedId,
    detailOpen,
    selected,
    // The same rows "Blocked only" keeps.
    blockedCount: computed(() => rows.value.reduce((n, row) => (isBlockedRow(row) ? n + 1 : n), 0)),
    methods: distinct((row) => row.method.toUpperCase()),
    types: distinct((row) => row.type),
  };
}
