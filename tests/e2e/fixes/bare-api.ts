// The API as it is before any fix: no CORS headers, no OPTIONS route (405), 404 elsewhere. The failing
// exchanges are made against it, and the proxy servers and dev servers forward to it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Running } from './processes';

export async function startBareApi(): Promise<Running> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/api/items') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    } else if (req.method === 'GET' || req.method === 'PUT' || req.method === 'DELETE') {
      res
        .writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': 'bare-42' })
        .end('{"ok":true}');
    } else {
      res.writeHead(405, { Allow: 'GET, PUT, DELETE' }).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
