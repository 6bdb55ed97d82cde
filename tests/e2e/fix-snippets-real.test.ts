// The fixes CORS Lens proposes are verified for real: the same failing request is sent from the lab page in
// Chromium to an Express app and a Flask app configured with the generated `cors` options / `flask-cors`
// arguments, and through Debian's nginx configured with the generated snippet in front of an app that sends no
// CORS headers. It must be blocked without them and allowed with them, with the exposed header readable.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import cors from 'cors';
import express from 'express';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expressCorsOptions,
  type FixInput,
  fixSnippets,
  flaskCorsKwargs,
  flaskResourcePattern,
} from '../../src/core/fixes';
import { routeScope } from '../../src/core/fixes/route-scope';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { type Lab, startLab } from '../lab/server.mjs';

const debianPython = '/usr/bin/python3';
const debianNginx = '/usr/sbin/nginx';

interface Attempt {
  allowed: boolean;
  requestId?: string | null;
}

/** A request that needs everything: preflight, custom header, credentials, an exposed header. */
function failingRequest(targetUrl: string, pageOrigin: string): FixInput {
  return {
    pageOrigin,
    targetUrl,
    methods: ['PUT'],
    requestHeaders: ['content-type', 'x-api-key'],
    credentials: 'include',
    exposeHeaders: ['x-request-id'],
    preflight: true,
  };
}

function send(page: Page, url: string): Promise<Attempt> {
  return page.evaluate(async (u) => {
    try {
      const r = await fetch(u, {
        method: 'PUT',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'k' },
        body: '{}',
      });
      return { allowed: true, requestId: r.headers.get('x-request-id') };
    } catch {
      return { allowed: false };
    }
  }, url);
}

async function startExpress(
  withCors: FixInput | undefined,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  if (withCors) app.use(routeScope(withCors.targetUrl).mount || '/', cors(expressCorsOptions(withCors)));
  app.all('/api/items', (_req, res) => {
    res.set('X-Request-Id', 'express-42').json({ ok: true });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/items`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

async function startFlask(input: FixInput): Promise<{ url: string; close(): Promise<void> }> {
  const config = {
    pattern: flaskResourcePattern(routeScope(input.targetUrl)),
    kwargs: flaskCorsKwargs(input),
  };
  const child: ChildProcess = spawn(
    debianPython,
    [new URL('./fixtures/flask_app.py', import.meta.url).pathname, JSON.stringify(config)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the Flask app exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port.trim()}/api/items`,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill();
      await exited;
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/**
 * nginx in the foreground with the generated snippet as its only location, proxying to `upstream`: the snippet's
 * placeholder line ("your existing proxy_pass / root stays here") becomes the proxy_pass.
 */
async function startNginx(
  input: FixInput,
  upstream: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const snippet = fixSnippets(input).find((s) => s.framework === 'nginx');
  if (!snippet) throw new Error('no nginx snippet');
  // Anything before the location block ("In the http block: …") belongs to the http block.
  const at = snippet.code.indexOf('location ');
  const httpLevel = snippet.code.slice(0, at);
  const location = snippet.code
    .slice(at)
    .replace(/^ *# \.\.\. your existing proxy_pass.*$/m, `    proxy_pass ${new URL(upstream).origin};`);
  const dir = await mkdtemp(join(tmpdir(), 'cors-lens-nginx-'));
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  await writeFile(
    conf,
    `daemon off;\nmaster_process off;\npid ${dir}/nginx.pid;\nerror_log stderr warn;\nevents {}\nhttp {\n` +
      `  access_log off;\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n` +
      `  fastcgi_temp_path ${dir}/fastcgi;\n  uwsgi_temp_path ${dir}/uwsgi;\n  scgi_temp_path ${dir}/scgi;\n` +
      `${httpLevel}\n  server {\n    listen 127.0.0.1:${port};\n${location}\n  }\n}\n`,
  );
  const child = spawn(debianNginx, ['-p', dir, '-c', conf], { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}${new URL(upstream).pathname}`;
  // Ready when it answers; an exit means the generated configuration did not load.
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: see its stderr above`);
    if (
      await fetch(url, { method: 'HEAD' }).then(
        () => true,
        () => false,
      )
    )
      break;
    if (i > 100) throw new Error('nginx did not answer within 10 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill();
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe('the generated server fixes make the failing request pass, for real', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  let page: Page;
  beforeAll(async () => {
    if (!existsSync(debianPython))
      throw new Error(`${debianPython} is missing. Fix: apt-get install -y python3-flask python3-flask-cors`);
    if (!existsSync(debianNginx)) throw new Error(`${debianNginx} is missing. Fix: apt-get install -y nginx`);
    lab = await startLab();
    chromium = await launchChromium({ extension: false });
    page = await chromium.newPage();
    await page.goto(`${lab.pageOrigin}/`);
  });
  afterAll(async () => {
    await chromium?.close();
    await lab?.close();
  });

  it('Express: blocked without the fix, allowed with cors(expressCorsOptions(...))', async () => {
    const bare = await startExpress(undefined);
    expect(await send(page, bare.url)).toEqual({ allowed: false });
    await bare.close();
    const probe = await startExpress(undefined);
    const input = failingRequest(probe.url, lab.pageOrigin);
    await probe.close();
    const fixed = await startExpress({ ...input, targetUrl: input.targetUrl });
    // The fix is for the failing URL's path; the fixed server listens on another port, same path.
    expect(await send(page, fixed.url)).toEqual({ allowed: true, requestId: 'express-42' });
    await fixed.close();
  });

  it('Flask: allowed with CORS(app, resources={pattern: flaskCorsKwargs(...)}), and another origin is still refused', async () => {
    const input = failingRequest('http://127.0.0.1:1/api/items', lab.pageOrigin);
    const flask = await startFlask(input);
    try {
      expect(await send(page, flask.url)).toEqual({ allowed: true, requestId: 'flask-42' });
      const other = await startFlask({ ...input, pageOrigin: 'http://localhost:1' });
      try {
        expect(await send(page, other.url)).toEqual({ allowed: false });
      } finally {
        await other.close();
      }
    } finally {
      await flask.close();
    }
  });

  it('nginx: the generated location block in front of an app without CORS headers lets it through', async () => {
    const app = await startExpress(undefined);
    try {
      expect(await send(page, app.url)).toEqual({ allowed: false });
      const nginx = await startNginx(failingRequest(app.url, lab.pageOrigin), app.url);
      try {
        expect(await send(page, nginx.url)).toEqual({ allowed: true, requestId: 'express-42' });
      } finally {
        await nginx.close();
      }
      const other = await startNginx(failingRequest(app.url, 'http://localhost:1'), app.url);
      try {
        expect(await send(page, other.url)).toEqual({ allowed: false });
      } finally {
        await other.close();
      }
    } finally {
      await app.close();
    }
  });
});
