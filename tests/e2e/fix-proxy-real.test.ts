// The fix that needs no server change is verified for real: the dev-server proxy generated from an exchange CORS
// Lens logged is used verbatim as the dev server's config, the page is served by that dev server, and the
// request, sent to the URL the fix says to call instead, reaches the bare API (no CORS headers) and succeeds.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixInput, proxyFixes } from '../../src/core/fixes';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { type Lab, startLab } from '../lab/server.mjs';
import { startBareApi } from './fixes/bare-api';
import { captureFixInputs } from './fixes/capture-fix-inputs';
import { EXCHANGES, sendUrl } from './fixes/cases';
import { LIVE_DEV_SERVERS } from './fixes/dev-servers';
import type { Running } from './fixes/processes';

const CASES = [EXCHANGES.credentialedPut, EXCHANGES.credentialedDelete, EXCHANGES.simpleGet];

describe('generated dev-server proxies make the failing requests same-origin, in Chromium', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  let bare: Running;
  let page: Page;
  let inputs = new Map<string, FixInput>();

  beforeAll(async () => {
    lab = await startLab();
    bare = await startBareApi();
    chromium = await launchChromium({ grantHosts: true });
    page = await chromium.newPage();
    await page.goto(`${lab.pageOrigin}/`);
    ({ inputs } = await captureFixInputs(chromium, page, bare.origin, CASES));
  });
  afterAll(async () => {
    await chromium?.close();
    await bare?.close();
    await lab?.close();
  });

  describe.each(LIVE_DEV_SERVERS.map((server) => [server.devServer, server] as const))(
    '%s',
    (devServer, server) => {
      it.each(CASES.map((c) => [c.id, c] as const))(
        `${devServer}: %s succeeds through the proxy`,
        async (id, exchange) => {
          const input = inputs.get(id);
          if (input === undefined) throw new Error(`no fix input was captured for ${id}`);
          const fix = proxyFixes(input).find((f) => f.devServer === devServer);
          if (fix === undefined) throw new Error(`no ${devServer} proxy fix`);
          expect(fix.verification.live && fix.verification.verifiedWith).toContain(server.version());
          // The fix is for the URL the page called; the one-line change makes it a same-origin path.
          expect(fix.fetchChange.before).toBe(`${bare.origin}${exchange.request.path}?case=${id}`);
          const running = await server.start(fix);
          try {
            await page.goto(`${running.origin}/`);
            // Same-origin now: every response header is readable, so X-Request-Id proves the bare API answered.
            expect(await sendUrl(page, fix.fetchChange.after, exchange.request)).toEqual({
              allowed: true,
              status: 200,
              requestId: 'bare-42',
            });
          } finally {
            await running.close();
          }
        },
      );
    },
  );
});
