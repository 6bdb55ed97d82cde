// The server fixes CORS Lens proposes are verified for real, with Chromium as the oracle. Each case's request
// fails against an API without CORS headers while CORS Lens captures it; the fix input is mapped from that logged
// exchange by the core, the snippet generated from it is pasted verbatim into a real server (the framework's app,
// or nginx / Caddy / Apache in front of the bare API), and the same request from the same page must then pass,
// while another page origin stays refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixSnippets } from '../../src/core/fixes';
import { EXCHANGES, LIVE_CASES, sendFromPage } from './fixes/cases';
import { LIVE_FRAMEWORKS } from './fixes/servers';
import { type FixLab, startFixLab } from './fixes/start-fix-lab';

describe('generated server fixes, pasted into real servers, let the failing requests through in Chromium', () => {
  let fix: FixLab;
  beforeAll(async () => {
    for (const server of LIVE_FRAMEWORKS) server.requireInstalled();
    fix = await startFixLab(Object.values(EXCHANGES));
  });
  afterAll(() => fix?.close());
  const inputFor = (id: string) => fix.inputFor(id);

  it('without a fix every case is blocked, and CORS Lens logged each one with what it could know', () => {
    for (const exchange of Object.values(EXCHANGES)) {
      expect(fix.unfixed.get(exchange.id), exchange.id).toEqual({ allowed: false });
    }
    // Stopped by the preflight, the credentialed PUT was never sent: its credentials mode is unknown.
    expect(inputFor('credentialed-put')).toMatchObject({
      methods: ['PUT'],
      requestHeaders: ['content-type', 'x-api-key'],
      credentials: 'unknown',
      preflight: true,
      preflightStatus: 405,
    });
    expect(inputFor('credentialed-delete')).toMatchObject({
      requestHeaders: ['authorization'],
      credentials: 'unknown',
    });
    expect(inputFor('simple-get')).toMatchObject({ credentials: 'omit', preflight: false });
    expect(inputFor('exposed-header').exposeHeaders).toEqual(['x-request-id']);
  });

  describe.each(LIVE_FRAMEWORKS.map((server) => [server.framework, server] as const))(
    '%s',
    (framework, server) => {
      const snippetFor = (id: string) => {
        const snippet = fixSnippets(inputFor(id)).find((s) => s.framework === framework);
        if (snippet === undefined) throw new Error(`no ${framework} snippet`);
        return snippet;
      };

      it(`${framework}: the snippet says it is verified live with the version installed here`, async () => {
        const { verification } = snippetFor('simple-get');
        expect(verification.live).toBe(true);
        expect(verification.live && verification.verifiedWith).toContain(await server.version());
      });

      it.each(LIVE_CASES.map((c) => [c.name, c] as const))(`${framework}: %s`, async (_, liveCase) => {
        const running = await server.start(snippetFor(liveCase.exchange.id).code, fix.bare.origin);
        try {
          for (const attempt of liveCase.attempts) {
            expect(
              await sendFromPage(fix.pages[attempt.from], running.origin, liveCase.exchange),
              attempt.from,
            ).toEqual(attempt.expected(server.requestId));
          }
        } finally {
          await running.close();
        }
      });
    },
  );
});
