import type { Row } from './row-of';

export type ColumnId = 'time' | 'method' | 'url' | 'initiator' | 'type' | 'status' | 'preflight' | 'verdict';

export interface Column {
  id: ColumnId;
  label: string;
  text(row: Row): string;
}

// The verdict sits right after the URL so that it stays in view when the detail pane takes half the width.
export const COLUMNS: Column[] = [
  { id: 'time', label: 'Time', text: (row) => formatTime(row.time) },
  { id: 'method', label: 'Method', text: (row) => row.method },
  { id: 'url', label: 'URL', text: (row) => row.url },
  { id: 'verdict', label: 'Verdict', text: (row) => row.reason },
  { id: 'status', label: 'Status', text: (row) => row.status },
  { id: 'preflight', label: 'Preflight', text: (row) => row.preflight },
  { id: 'type', label: 'Type', text: (row) => row.type },
  { id: 'initiator', label: 'Initiator', text: (row) => row.initiator },
];

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

export function gridTemplate(widths: ColumnWidths): string {
  return COLUMNS.map((column) => `${widths[column.id]}px`).join(' ');
}
