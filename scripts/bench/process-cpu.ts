// CPU time of one Chromium or Firefox, per kind of process, read from /proc (Linux): where a page load's cost goes —
// the browser process (which runs the webRequest proxy and routes extension messages), the extension's process (its
// service worker or event page, and its pages), the page's renderer, the network service (Firefox: socket process). Wall-clock ratios are noisy on a small
// machine; these sums are not, and they separate the browser's work from CORS Lens's.
import { readdirSync, readFileSync } from 'node:fs';
import { chromiumPath, firefoxPath } from '../../tests/harness/paths';

/** clock ticks per second on Linux (sysconf(_SC_CLK_TCK) is 100 on every Debian kernel) */
const TICKS_PER_S = 100;

export type ProcessKind = 'browser' | 'extension' | 'page' | 'network' | 'other';
/**
 * Per kind of process, plus `extensionWorker`: the part of `extension` spent on service-worker threads, which tells
 * the service worker's own work from the extension pages' (not added again to the total).
 */
export type CpuByKind = Record<ProcessKind | 'extensionWorker', number>;

interface Proc {
  pid: number;
  ppid: number;
  cpuMs: number;
  cmdline: string;
  /** The process's name (Firefox names its child processes by role: "WebExtensions", "Web Content", …). */
  comm: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after "(comm)": state ppid … utime (14th field overall) stime (15th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      out.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        cpuMs: (ticks * 1000) / TICKS_PER_S,
        cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' '),
        comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      });
    } catch {
      // the process ended while we read
    }
  }
  return out;
}

/** The pids of the Chromium browser processes running now (one per launched browser). */
export function chromiumRoots(): Set<number> {
  return rootsOf([chromiumPath, '/usr/lib/chromium/chromium'], '--type=');
}

/** The pids of the Firefox parent processes running now (one per launched browser). */
export function firefoxRoots(): Set<number> {
  return rootsOf([firefoxPath, '/usr/lib/firefox-esr/firefox-esr'], '-contentproc');
}

/** Processes started from one of `binaries` whose command line lacks the flag their child processes carry. */
function rootsOf(binaries: string[], childFlag: string): Set<number> {
  return new Set(
    processes()
      .filter((p) => binaries.some((b) => p.cmdline.startsWith(b)) && !p.cmdline.includes(childFlag))
      .map((p) => p.pid),
  );
}

/** CPU ms of a process's threads whose name starts with `prefix` (Chromium names them: "ServiceWorker thread"). */
function threadCpuMs(pid: number, prefix: string): number {
  let ms = 0;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        if (!stat.slice(stat.indexOf('(') + 1).startsWith(prefix)) continue;
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ms += ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
      } catch {
        // the thread ended while we read
      }
    }
  } catch {
    // the process ended while we read
  }
  return ms;
}

function kindOf(p: Proc): ProcessKind {
  if (p.cmdline.includes('-contentproc')) {
    if (p.comm === 'WebExtensions') return 'extension';
    if (p.comm.startsWith('Web Content') || p.comm.startsWith('Isolated Web')) return 'page';
    return p.comm === 'Socket Process' ? 'network' : 'other';
  }
  if (p.cmdline.includes('firefox')) return 'browser';
  if (!p.cmdline.includes('--type=')) return 'browser';
  if (p.cmdline.includes('--type=renderer'))
    return p.cmdline.includes('--extension-process') ? 'extension' : 'page';
  if (p.cmdline.includes('NetworkService')) return 'network';
  return 'other';
}

/** CPU ms used so far by the browser whose browser process is `root`, and every process under it, by kind. */
export function cpuByKind(root: number): CpuByKind {
  const all = processes();
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all)
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
  }
  const sums: CpuByKind = { browser: 0, extension: 0, page: 0, network: 0, other: 0, extensionWorker: 0 };
  for (const p of all) {
    if (!tree.has(p.pid)) continue;
    const kind = kindOf(p);
    sums[kind] += p.cpuMs;
    if (kind === 'extension') sums.extensionWorker += threadCpuMs(p.pid, 'ServiceWorker');
  }
  return sums;
}

const KEYS = ['browser', 'extension', 'page', 'network', 'other', 'extensionWorker'] as const;

export function cpuSince(before: CpuByKind, after: CpuByKind, per: number): CpuByKind {
  return Object.fromEntries(KEYS.map((k) => [k, Math.round((after[k] - before[k]) / per)])) as CpuByKind;
}

export function addCpu(a: CpuByKind, b: CpuByKind): CpuByKind {
  return Object.fromEntries(KEYS.map((k) => [k, a[k] + b[k]])) as CpuByKind;
}

export const totalCpu = (c: CpuByKind): number => c.browser + c.extension + c.page + c.network + c.other;
