import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { outDir } from '../../../harness/paths';
import { freePort, removeDir, requireTool, runCommand, startServer, tempDir } from '../processes';
import { appsDir } from './apps-dir';
import type { LiveFramework } from './live-framework';
import { majorMinor } from './live-framework';

const go = '/usr/bin/go';
const install = 'apt-get install -y golang-go golang-github-rs-cors-dev';

/** GOPATH mode with Debian's Go sources (rs/cors in /usr/share/gocode); the build cache is kept under out/. */
function goEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GO111MODULE: 'off',
    GOPATH: '/usr/share/gocode',
    GOCACHE: join(outDir, 'go-build-cache'),
    GOFLAGS: '',
  };
}

export const goRsCors: LiveFramework = {
  framework: 'go',
  requestId: 'go-42',
  requireInstalled: () => {
    requireTool(go, install);
    requireTool('/usr/share/gocode/src/github.com/rs/cors/cors.go', install);
  },
  version: async () => majorMinor(await runCommand(go, ['version']), 'go'),
  async start(code) {
    const dir = await tempDir('go');
    await mkdir(join(outDir, 'go-build-cache'), { recursive: true });
    await copyFile(join(appsDir, 'go_main.go'), join(dir, 'main.go'));
    // The snippet is a whole file: cors.go, as it says.
    await writeFile(join(dir, 'cors.go'), code);
    try {
      await runCommand(go, ['build', '-o', 'api', 'main.go', 'cors.go'], { cwd: dir, env: goEnv() });
    } catch (error) {
      await removeDir(dir);
      throw error;
    }
    const port = await freePort();
    return startServer({
      label: 'the Go API',
      command: join(dir, 'api'),
      args: [String(port)],
      port,
      cleanup: () => removeDir(dir),
    });
  },
};
