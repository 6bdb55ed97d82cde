// The dev servers a proxy fix is verified with: a page served by the dev server, its config file being the
// generated fix verbatim, forwarding to the bare API (which sends no CORS headers).
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { DevServer, ProxyFix } from '../../../src/core/fixes';
import { repoRoot } from '../../harness/paths';
import { freePort, type Running, removeDir, startServer, tempDir } from './processes';
import { appsDir } from './servers/apps-dir';
import { majorMinor } from './servers/live-framework';

export interface LiveDevServer {
  devServer: DevServer;
  version(): string;
  start(fix: ProxyFix): Promise<Running>;
}

const PAGE = '<!doctype html><meta charset="utf-8"><title>dev page</title><p>Served by the dev server.</p>\n';
const version = (name: string) => majorMinor(createRequire(import.meta.url)(`${name}/package.json`).version);

function liveDevServer(
  devServer: DevServer,
  runner: string,
  pageDir: string,
  packageName: string,
): LiveDevServer {
  return {
    devServer,
    version: () => version(packageName),
    async start(fix) {
      const dir = await tempDir(devServer);
      await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
      await writeFile(join(dir, fix.file), fix.code);
      await mkdir(join(dir, pageDir), { recursive: true });
      await writeFile(join(dir, pageDir, 'index.html'), PAGE);
      await mkdir(join(dir, 'src'), { recursive: true });
      await writeFile(join(dir, 'src', 'index.js'), '');
      const port = await freePort();
      return startServer({
        label: fix.title,
        command: process.execPath,
        args: [join(appsDir, runner), dir, String(port)],
        cwd: dir,
        port,
        cleanup: () => removeDir(dir),
      });
    },
  };
}

export const LIVE_DEV_SERVERS: LiveDevServer[] = [
  liveDevServer('vite', 'run-vite.mjs', '.', 'vite'),
  liveDevServer('webpack', 'run-webpack-dev-server.cjs', 'public', 'webpack-dev-server'),
];
