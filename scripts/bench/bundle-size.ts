import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchRow } from './table';

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await folderBytes(path) : (await stat(path)).size;
  }
  return total;
}

async function scriptBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.js'))
      total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

export async function bundleSizeRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const target of ['chrome', 'firefox']) {
    rows.push({
      group: 'bundle',
      name: `dist/${target} total`,
      value: Math.round((await folderBytes(`dist/${target}`)) / 1024),
      unit: 'KiB',
    });
    rows.push({
      group: 'bundle',
      name: `dist/${target} JavaScript`,
      value: Math.round((await scriptBytes(`dist/${target}`)) / 1024),
      unit: 'KiB',
    });
  }
  return rows;
}
