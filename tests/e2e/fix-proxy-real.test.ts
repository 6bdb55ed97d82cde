// The fix that needs no server change is verified for real: the dev-server proxy generated from an exchange CORS
// Lens logged is used verbatim as the dev server's config, the page is served by that dev server, and the
// request, sent to the URL the fix says to call instead, reaches the bare API (no CORS headers) and succeeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyFixes } from '../../src/core/fixes';
import { EXCHANGES, sendUrl } from './fixes/cases';
import { LIVE_DEV_SERVERS } from './fixes/dev-servers';
import { type FixLab, startFixLab } from './fixes/start-fix-lab';

const CASES = [EXCHANGES.credentialedPut, EXCHANGES.credentialedDelete, EXCHANGES.simpleGet];

describe('generated dev-server proxies make the failing requests same-origin, in Chromium', () => {
  let fix: FixLab;
  beforeAll(async () => {
    fix = await startFixLab(CASES);
  });
  afterAll(() => fix?.close());

  describe.each(LIVE_DEV_SERVERS.map((server) => [server.devServer, server] as const))(
    '%s',
    (devServer, server) => {
      it.each(CASES.map((c) => [c.id, c] as const))(
        `${devServer}: %s succeeds through the proxy`,
        async (id, exchange) => {
          const proxy = proxyFixes(fix.inputFor(id)).find((f) => f.devServer === devServer);
          if (proxy === undefined) throw new Error(`no ${devServer} proxy fix`);
          expect(proxy.verification.live && proxy.verification.verifiedWith).toContain(server.version());
          // The fix is for the URL the page called; the one-line change makes it a same-origin path.
          expect(proxy.fetchChange.before).toBe(`${fix.bare.origin}${exchange.request.path}?case=${id}`);
          const running = await server.start(proxy);
          const { page } = fix.pages;
          try {
            await page.goto(`${running.origin}/`);
            // Same-origin now: every response header is readable, so X-Request-Id proves the bare API answered.
            expect(await sendUrl(page, proxy.fetchChange.after, exchange.request)).toEqual({
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
