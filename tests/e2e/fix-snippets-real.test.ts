// The fixes CORS Lens proposes are verified for real: the same failing request is sent from the lab page in
// Chromium to an Express app and a Flask app configured with the generated `cors` options / `flask-cors`
// arguments. It must be blocked without them and allowed with them, with the exposed header readable.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import cors from 'cors';
import express from 'express';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expressCorsOptions,
  type FixInput,
  flaskCorsKwargs,
  flaskResourcePattern,
} from '../../src/core/fixes';
import { routeScope } from '../../src/core/fixes/route-scope';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { type Lab, startLab } from '../lab/server.mjs';

const debianPython = '/usr/bin/python3';

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
    credentials: true,
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
    close: () =>
      new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', () => r()), child.kill()))),
  };
}

describe('the generated server fixes make the failing request pass, for real', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  let page: Page;
  beforeAll(async () => {
    if (!existsSync(debianPython))
      throw new Error(`${debianPython} is missing. Fix: apt-get install -y python3-flask python3-flask-cors`);
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
});
