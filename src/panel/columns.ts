import { failureKindShort } from '../core/cors';
import type { Row } from './row-of';

export type ColumnId = 'time' | 'method' | 'url' | 'initiator' | 'type' | 'status' | 'preflight' | 'verdict';

export interface Column {
  id: ColumnId;
  label: string;
  text(row: Row): string;
  /** The cell's tooltip, when it says more than the cell. */
  title?(row: Row): string;
}

// The verdict sits right after the URL so that it stays in view when the detail pane takes half the width.
export const COLUMNS: Column[] = [
  { id: 'time', label: 'Time', text: (row) => formatTime(row.time) },
  { id: 'method', label: 'Method', text: (row) => row.method },
  { id: 'url', label: 'URL', text: (row) => row.url, title: (row) => row.href },
  { id: 'verdict', label: 'Verdict', text: (row) => verdictTitle(row) },
  { id: 'status', label: 'Status', text: (row) => row.status },
  { id: 'preflight', label: 'Preflight', text: (row) => row.preflight },
  { id: 'type', label: 'Type', text: (row) => row.type },
  { id: 'initiator', label: 'Initiator', text: (row) => row.initiator },
];

/**
 * With the detail pane open the table may be a few hundred pixels wide (DevTools docked to the side): like the
 * Network panel, it then keeps only what identifies a request, the verdict first.
 */
export const COMPACT_COLUMNS: Column[] = (['method', 'verdict', 'url', 'status'] as const).map(
  (id) => COLUMNS.find((column) => column.id === id) as Column,
);

/** The verdict cell's tooltip: the kind of failure before the reason, and the Authorization warning. */
function verdictTitle(row: Row): string {
  const parts = [
    row.kind === undefined || row.verdict !== 'blocked' ? undefined : failureKindShort(row.kind),
    row.reason,
  ];
  if (row.wildcardAuthorization) parts.push('relies on * covering Authorization');
  return parts.filter(Boolean).join(' · ');
}

export type ColumnWidths = Record<ColumnId, number>;

export const DEFAULT_WIDTHS: ColumnWidths = {
  time: 100,
  method: 70,
  url: 260,
  initiator: 170,
  type: 100,
  status: 70,
  preflight: 80,
  verdict: 260,
};

export const MIN_WIDTH = 40;

/** Local wall-clock time with milliseconds, like the Network panel's waterfall tooltips. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function gridTemplate(widths: ColumnWidths, columns: Column[] = COLUMNS): string {
  return columns.map((column) => `${widths[column.id]}px`).join(' ');
}
