import { symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../../../harness/paths';
import { freePort, pasteAt, removeDir, startServer, tempDir } from '../processes';
import { MARKER, readApp } from './apps-dir';
import type { LiveFramework } from './live-framework';
import { majorMinor } from './live-framework';

export const express: LiveFramework = {
  framework: 'express',
  requestId: 'express-42',
  requireInstalled: () => undefined, // a devDependency, installed by npm ci
  version: async () => majorMinor(createRequire(import.meta.url)('express/package.json').version),
  async start(code) {
    const dir = await tempDir('express');
    // The app resolves express and cors like the user's would: from its node_modules.
    await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
    await writeFile(join(dir, 'app.cjs'), pasteAt(await readApp('express_app.cjs'), MARKER, code));
    const port = await freePort();
    return startServer({
      label: 'the Express app',
      command: process.execPath,
      args: [join(dir, 'app.cjs'), String(port)],
      port,
      cleanup: () => removeDir(dir),
    });
  },
};
