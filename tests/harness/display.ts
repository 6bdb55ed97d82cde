// A virtual X display for headful browsers: real DevTools, real popups and the browsers' own permission prompts
// exist only in a headful browser. Xvfb draws it, xdotool types and clicks on it like a user, ImageMagick's
// `import` photographs it.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { requireFile } from './paths';

const run = promisify(execFile);

export const SCREEN = { width: 1920, height: 1200 };

export interface Display {
  /** e.g. ":93", for the DISPLAY variable of the browser. */
  name: string;
  env: NodeJS.ProcessEnv;
  /** Presses keys on the focused window, xdotool syntax: `F12`, `alt+shift+l`, `Tab Return`. */
  key(...keys: string[]): Promise<void>;
  /** A real left click at screen coordinates. */
  click(x: number, y: number): Promise<void>;
  /** Types text into the focused element. */
  type(text: string): Promise<void>;
  /** Saves the whole screen as a PNG. */
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

const INSTALL = "as root: 'apt-get install -y xvfb xdotool imagemagick'";

function freeDisplayNumber(): number {
  for (let n = 90; n < 190; n++)
    if (!existsSync(`/tmp/.X${n}-lock`) && !existsSync(`/tmp/.X11-unix/X${n}`)) return n;
  throw new Error('no free X display number between :90 and :189 (stale /tmp/.X*-lock files?)');
}

/** Starts Xvfb on a free display; every headful browser of one test file runs on its own screen. */
export async function startDisplay(): Promise<Display> {
  requireFile('/usr/bin/Xvfb', INSTALL);
  requireFile('/usr/bin/xdotool', INSTALL);
  requireFile('/usr/bin/import', INSTALL);
  const n = freeDisplayNumber();
  const name = `:${n}`;
  const server: ChildProcess = spawn(
    '/usr/bin/Xvfb',
    [name, '-screen', '0', `${SCREEN.width}x${SCREEN.height}x24`, '-nolisten', 'tcp'],
    { stdio: 'ignore' },
  );
  const env = { ...process.env, DISPLAY: name };
  const x = (file: string, args: string[]) => run(file, args, { env }).then(() => undefined);
  // Ready once a client can talk to it.
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`Xvfb ${name} exited with ${server.exitCode}`);
    try {
      await x('/usr/bin/xdotool', ['getdisplaygeometry']);
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Xvfb ${name} did not start in 10 s: ${String(error)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    name,
    env,
    key: (...keys) => x('/usr/bin/xdotool', ['key', '--clearmodifiers', ...keys]),
    click: (px, py) =>
      x('/usr/bin/xdotool', ['mousemove', String(Math.round(px)), String(Math.round(py)), 'click', '1']),
    type: (text) => x('/usr/bin/xdotool', ['type', '--delay', '20', text]),
    screenshot: (path) => x('/usr/bin/import', ['-window', 'root', path]),
    close: () =>
      new Promise((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      }),
  };
}

/** The display a user already has (npm start with a screen): nothing to start or stop. */
export function attachDisplay(name: string): Display {
  const env = { ...process.env, DISPLAY: name };
  const x = (file: string, args: string[]) => run(file, args, { env }).then(() => undefined);
  return {
    name,
    env,
    key: (...keys) => x('/usr/bin/xdotool', ['key', '--clearmodifiers', ...keys]),
    click: (px, py) =>
      x('/usr/bin/xdotool', ['mousemove', String(Math.round(px)), String(Math.round(py)), 'click', '1']),
    type: (text) => x('/usr/bin/xdotool', ['type', '--delay', '20', text]),
    screenshot: (path) => x('/usr/bin/import', ['-window', 'root', path]),
    close: async () => undefined,
  };
}
