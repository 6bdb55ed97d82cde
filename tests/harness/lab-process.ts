// The lab in its own process: benchmarks use it so the lab's work never competes with the measuring process's
// event loop (which also carries the browser's protocol traffic).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface LabProcess {
  pageOrigin: string;
  page2Origin: string;
  apiOrigins: string[];
  close(): Promise<void>;
}

export async function startLabProcess(): Promise<LabProcess> {
  const server = fileURLToPath(new URL('../lab/server.mjs', import.meta.url));
  const child = spawn(process.execPath, [server, '--any-port', '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the lab exited with ${code} before it started`)));
  });
  const origins = JSON.parse(firstLine) as Omit<LabProcess, 'close'>;
  return {
    ...origins,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
