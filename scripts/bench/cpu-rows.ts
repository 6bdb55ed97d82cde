// Rows of where a page load's CPU goes, per side, and CORS Lens's own CPU per exchange over the floor: the same
// table for Chromium (overhead.ts) and Firefox (firefox-overhead.ts), each naming its processes in its own words.
import { type CpuByKind, totalCpu } from './process-cpu';
import type { BenchRow } from './table';

export interface CpuRowsOptions {
  group: string;
  /** Side name and its label, in the order the rows are printed. */
  labels: [string, string][];
  /** The sides whose difference is CORS Lens's own work. */
  floor: string;
  capturing: string;
  exchangesPerLoad: number;
  /** One side's CPU per load by process, in ms. */
  perLoadNote(c: CpuByKind): string;
  /** CORS Lens's own CPU per exchange by process, in µs (`us(kind)`). */
  perExchangeNote(us: (kind: keyof CpuByKind) => number): string;
}

export function cpuRows(cpu: Record<string, CpuByKind>, options: CpuRowsOptions): BenchRow[] {
  const { group, exchangesPerLoad } = options;
  const rows: BenchRow[] = options.labels.flatMap(([side, label]) => {
    const c = cpu[side];
    return c ? [{ group, name: label, value: totalCpu(c), unit: 'ms', note: options.perLoadNote(c) }] : [];
  });
  const floor = cpu[options.floor];
  const capturing = cpu[options.capturing];
  if (!floor || !capturing) return rows;
  const us = (k: keyof CpuByKind) => Math.round(((capturing[k] - floor[k]) * 1000) / exchangesPerLoad);
  rows.push({
    group,
    name: 'CORS Lens’s own CPU per exchange, over the floor',
    value: Math.round(((totalCpu(capturing) - totalCpu(floor)) * 1000) / exchangesPerLoad),
    unit: 'µs',
    note: options.perExchangeNote(us),
  });
  return rows;
}
