import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One parser run for many snippets: what it printed and how it exited. */
export interface ToolRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Fails (never skips) when the parser is missing, with the command that installs it. */
export function requireParser(path: string, install: string): void {
  if (!existsSync(path))
    throw new Error(`${path} is missing, so snippets cannot be syntax-checked. Fix: ${install}`);
}

export function runTool(
  command: string,
  args: string[],
  options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): ToolRun {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder for one batch, removed after `use` returns. */
export function withTempDir<T>(use: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-syntax-'));
  try {
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * For tools that check one configuration holding every snippet: which snippet a reported line number falls in,
 * given the first line of each snippet (1-based, ascending).
 */
export function snippetAtLine(starts: number[], line: number): number {
  let index = -1;
  for (const [i, start] of starts.entries()) if (start <= line) index = i;
  return index;
}
