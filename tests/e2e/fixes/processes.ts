// Starting and stopping the real servers the fixes are pasted into: each on a free loopback port, in its own
// temporary folder, stopped (and its folder removed) by the test that started it.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Running {
  /** http://127.0.0.1:PORT */
  origin: string;
  close(): Promise<void>;
}

/** A missing tool is a broken machine, not a pass: fail with the command that installs it. */
export function requireTool(path: string, install: string): void {
  if (!existsSync(path)) throw new Error(`${path} is missing. Fix: ${install}`);
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

export function tempDir(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `cors-lens-${name}-`));
}

/** Replaces the template's one marker line with the snippet, verbatim; the marker says where a user pastes it. */
export function pasteAt(template: string, marker: string, code: string): string {
  const lines = template.split('\n');
  const at = lines.findIndex((line) => line.includes(marker));
  if (at < 0 || lines.findIndex((line, i) => i > at && line.includes(marker)) >= 0)
    throw new Error(`the template needs exactly one "${marker}" line`);
  return [...lines.slice(0, at), code, ...lines.slice(at + 1)].join('\n');
}

interface Start {
  label: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  port: number;
  /** Removes what the server needed (its temporary folder). */
  cleanup?: () => Promise<void>;
}

/** Runs a command to its end; fails with its output when it exits non-zero. */
export async function runCommand(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collect(child);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output()}`);
  return output();
}

/**
 * Starts a server and waits until it answers HTTP on its port; if it exits first, the error carries its output
 * (a snippet that does not load shows up here).
 */
export async function startServer(start: Start): Promise<Running> {
  const child = spawn(start.command, start.args, {
    cwd: start.cwd,
    env: start.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collect(child);
  const origin = `http://127.0.0.1:${start.port}`;
  const close = async () => {
    await stop(child);
    await start.cleanup?.();
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await close();
      throw new Error(
        `${start.label} exited with ${child.exitCode ?? child.signalCode} before answering:\n${output()}`,
      );
    }
    const answered = await fetch(`${origin}/`, { method: 'HEAD', signal: AbortSignal.timeout(2_000) }).then(
      () => true,
      () => false,
    );
    if (answered) return { origin, close };
    if (Date.now() > deadline) {
      await close();
      throw new Error(`${start.label} did not answer on ${origin} within 60 s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The last 4,000 characters of stdout and stderr, for error messages. */
function collect(child: ChildProcess): () => string {
  let text = '';
  const add = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return () => text;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
