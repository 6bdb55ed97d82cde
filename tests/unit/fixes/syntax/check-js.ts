import { fileURLToPath } from 'node:url';
import { runTool } from './run-tool';

const child = fileURLToPath(new URL('./check-js-child.mjs', import.meta.url));

/** V8's parser (node --check) over every snippet in one node process: scripts, or ES modules when `module`. */
export function checkJs(sources: { code: string; module: boolean }[]): (string | null)[] {
  const run = runTool(process.execPath, ['--experimental-vm-modules', '--no-warnings', child], {
    input: JSON.stringify(sources),
  });
  if (run.status !== 0) throw new Error(`node failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as (string | null)[];
}
