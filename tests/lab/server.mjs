// @ts-check
// The CORS lab: page origins on http://localhost:PORT and API origins on http://127.0.0.1:PORT, all on loopback.
// A third page origin, `publicPageOrigin`, is the one a test tells the browser to treat as a public address
// (Chromium --ip-address-space-overrides, Firefox network.lna.address_space.public.override: see
// local-network-flags.mjs), so that its requests to the APIs meet Local Network Access.
// API responses (preflight and actual: status, headers, redirects) are chosen per request by the caller through
// the `s` query parameter (see spec.mjs). Every request the lab receives is recorded for tests.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { answerUnparsedRequest } from './answer-unparsed-request.mjs';
import { chromiumPublicPageArgs } from './local-network-flags.mjs';
import { decodeSpec, SELF } from './spec.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
/** @type {Record<string, [string, string]>} */
const staticFiles = {
  '/': ['public/index.html', 'text/html; charset=utf-8'],
  '/bench': ['public/bench.html', 'text/html; charset=utf-8'],
  '/lab-page.mjs': ['public/lab-page.mjs', 'text/javascript'],
  '/run-scenario.mjs': ['public/run-scenario.mjs', 'text/javascript'],
  '/scenarios.mjs': ['scenarios.mjs', 'text/javascript'],
  '/spec.mjs': ['spec.mjs', 'text/javascript'],
};

/**
 * @typedef {{ at: number, server: string, method: string, url: string, headers: [string, string][],
 *   status: number, responseHeaders: [string, string][] }} LabRequest
 * @typedef {{ pageOrigin: string, page2Origin: string, publicPageOrigin: string, apiOrigins: string[],
 *   requests: () => LabRequest[], clearRequests: () => void, close: () => Promise<void> }} Lab
 */

/** @param {import('node:http').IncomingMessage} req @returns {[string, string][]} */
function rawPairs(req) {
  /** @type {[string, string][]} */
  const pairs = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    pairs.push([/** @type {string} */ (req.rawHeaders[i]), /** @type {string} */ (req.rawHeaders[i + 1])]);
  return pairs;
}

/**
 * @param {{ pagePorts?: [number, number], publicPagePort?: number, apiPorts?: [number, number], quiet?: boolean }} [options]
 * @returns {Promise<Lab>}
 */
export async function startLab({
  pagePorts = [0, 0],
  publicPagePort = 0,
  apiPorts = [0, 0],
  quiet = true,
} = {}) {
  /** @type {LabRequest[]} */
  let log = [];
  /** @type {import('node:http').Server[]} */
  const servers = [];
  const config = {
    pageOrigin: '',
    page2Origin: '',
    publicPageOrigin: '',
    apiOrigins: /** @type {string[]} */ ([]),
  };

  /** @param {string} name @returns {import('node:http').RequestListener} */
  const handler = (name) => async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://lab');
    /** @param {number} status @param {[string, string][]} responseHeaders */
    const record = (status, responseHeaders) =>
      log.push({
        at: Date.now(),
        server: name,
        method: req.method ?? '',
        url: `http://${req.headers.host}${req.url}`,
        headers: rawPairs(req),
        status,
        responseHeaders,
      });
    /** @param {number} status @param {[string, string][]} headers @param {string | Buffer} body */
    const reply = (status, headers, body) => {
      const all = /** @type {[string, string][]} */ ([
        ...headers,
        ['Content-Length', String(Buffer.byteLength(body))],
      ]);
      record(status, all);
      res.sendDate = false;
      res.writeHead(status, all.flat());
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      const encoded = url.searchParams.get('s');
      if (encoded !== null) {
        const spec = decodeSpec(encoded);
        // A CORS preflight is an OPTIONS request with Access-Control-Request-Method; a script's own OPTIONS is not.
        if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
          const plan = spec.preflight ?? {};
          return reply(plan.status ?? 204, plan.headers ?? [], plan.body ?? '');
        }
        const plan = spec.response ?? {};
        // A server that dies mid-request: the browser gets no response at all (a network error, not CORS).
        if (plan.drop) {
          record(0, []);
          req.socket.destroy();
          return;
        }
        const body =
          plan.bodyBase64 !== undefined
            ? Buffer.from(plan.bodyBase64, 'base64')
            : (plan.body ??
              JSON.stringify({ lab: spec.id ?? null, method: req.method, headers: rawPairs(req) }));
        const own = `http://${req.headers.host}${req.url}`;
        /** @type {[string, string][]} */
        const headers = (plan.headers ?? []).map(([n, v]) => [n, v === SELF ? own : v]);
        if (plan.padHeader) headers.push(['X-Lab-Padding', 'x'.repeat(Math.min(plan.padHeader, 240_000))]);
        const hasType = headers.some(([n]) => n.toLowerCase() === 'content-type');
        return reply(
          plan.status ?? 200,
          hasType ? headers : [...headers, ['Content-Type', 'application/json']],
          body,
        );
      }
      if (url.pathname === '/lab-config.json') {
        const origin = `http://${req.headers.host}`;
        return reply(
          200,
          [['Content-Type', 'application/json']],
          JSON.stringify({ ...config, pageOrigin: origin }),
        );
      }
      const file = staticFiles[url.pathname];
      if (file && (name === 'page' || name === 'page2' || name === 'public')) {
        return reply(
          200,
          [
            ['Content-Type', file[1]],
            ['Cache-Control', 'no-store'],
          ],
          await readFile(here + file[0]),
        );
      }
      return reply(404, [['Content-Type', 'text/plain']], 'not found');
    } catch (error) {
      return reply(
        400,
        [['Content-Type', 'text/plain']],
        `bad lab request: ${error instanceof Error ? error.message : error}`,
      );
    }
  };

  /** @param {string} name @param {string} host @param {number} port @returns {Promise<number>} */
  const listen = (name, host, port) =>
    new Promise((resolve, reject) => {
      const listener = handler(name);
      const server = createServer({ keepAlive: true }, listener);
      server.on('clientError', answerUnparsedRequest(listener));
      server.once('error', reject);
      server.listen(port, host, () => {
        servers.push(server);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  /** `localhost` may resolve to ::1 or 127.0.0.1: serve the page on both, same port. @param {string} name @param {number} port */
  const listenLocalhost = async (name, port) => {
    const bound = await listen(name, '127.0.0.1', port);
    await listen(name, '::1', bound).catch(() => undefined); // no IPv6 loopback here: 127.0.0.1 is enough
    return bound;
  };

  config.pageOrigin = `http://localhost:${await listenLocalhost('page', pagePorts[0])}`;
  config.page2Origin = `http://localhost:${await listenLocalhost('page2', pagePorts[1])}`;
  config.publicPageOrigin = `http://localhost:${await listenLocalhost('public', publicPagePort)}`;
  for (const [i, port] of apiPorts.entries())
    config.apiOrigins.push(`http://127.0.0.1:${await listen(`api${i + 1}`, '127.0.0.1', port)}`);
  if (!quiet)
    console.log(
      `CORS lab: page ${config.pageOrigin} (and ${config.page2Origin}; ${config.publicPageOrigin} plays a public site), APIs ${config.apiOrigins.join(', ')}`,
    );

  return {
    ...config,
    requests: () => [...log],
    clearRequests: () => {
      log = [];
    },
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve(undefined));
            }),
        ),
      ).then(() => undefined),
  };
}

// `node tests/lab/server.mjs` (or `npm run lab`): run the lab for a human on fixed, memorable ports.
// `--any-port --json` (benchmarks): any free ports, one JSON line with the origins on stdout.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const json = process.argv.includes('--json');
  const fixed = !process.argv.includes('--any-port');
  const lab = await startLab(
    fixed ? { pagePorts: [5173, 3000], publicPagePort: 5174, apiPorts: [8081, 8082], quiet: json } : {},
  );
  const { pageOrigin, page2Origin, publicPageOrigin, apiOrigins } = lab;
  if (json) console.log(JSON.stringify({ pageOrigin, page2Origin, publicPageOrigin, apiOrigins }));
  else {
    console.log(`Open ${lab.pageOrigin}/ — Ctrl-C to stop.`);
    console.log(
      `Local Network Access: start Chromium with ${chromiumPublicPageArgs(lab).join(' ')} and open ${publicPageOrigin}/`,
    );
  }
  const stop = () => void lab.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
