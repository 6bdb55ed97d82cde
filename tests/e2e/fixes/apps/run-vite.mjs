// Serves DIR with Vite's dev server on 127.0.0.1:PORT, configured by DIR/vite.config.js (CORS Lens's proxy fix,
// verbatim). Usage: node run-vite.mjs DIR PORT
import { join } from 'node:path';
import { createServer } from 'vite';

const [dir = '.', port = '0'] = process.argv.slice(2);
const server = await createServer({
  root: dir,
  configFile: join(dir, 'vite.config.js'),
  // Loaded as plain ESM: the file is the user's, not bundled by the test.
  configLoader: 'native',
  // The test's own needs (where to listen, no browser reloads), merged over the user's config.
  server: { host: '127.0.0.1', port: Number(port), strictPort: true, hmr: false, ws: false },
  logLevel: 'warn',
  clearScreen: false,
});
await server.listen();
