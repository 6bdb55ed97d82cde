// The server fixes CORS Lens proposes are verified for real, with Chromium as the oracle. Each case's request
// fails against an API without CORS headers while CORS Lens captures it; the fix input is mapped from that logged
// exchange by the core, the snippet generated from it is pasted verbatim into a real server (the framework's app,
// or nginx / Caddy / Apache in front of the bare API), and the same request from the same page must then pass,
// while another page origin stays refused.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixInput, fixSnippets } from '../../src/core/fixes';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { type Lab, startLab } from '../lab/server.mjs';
import { startBareApi } from './fixes/bare-api';
import { captureFixInputs } from './fixes/capture-fix-inputs';
import { EXCHANGES, LIVE_CASES, sendFromPage } from './fixes/cases';
import type { Running } from './fixes/processes';
import { LIVE_FRAMEWORKS } from './fixes/servers';

describe('generated server fixes, pasted into real servers, let the failing requests through in Chromium', () => {
  let lab: Lab;
  let chromium: ChromiumSession;
  let bare: Running;
  const pages: Record<'page' | 'otherPage', Page> = {} as never;
  let inputs = new Map<string, FixInput>();
  let unfixed = new Map<string, unknown>();

  beforeAll(async () => {
    for (const server of LIVE_FRAMEWORKS) server.requireInstalled();
    lab = await startLab();
    bare = await startBareApi();
    chromium = await launchChromium({ grantHosts: true });
    pages.page = await chromium.newPage();
    await pages.page.goto(`${lab.pageOrigin}/`);
    pages.otherPage = await chromium.newPage();
    await pages.otherPage.goto(`${lab.page2Origin}/`);
    ({ inputs, unfixed } = await captureFixInputs(
      chromium,
      pages.page,
      bare.origin,
      Object.values(EXCHANGES),
    ));
  });
  afterAll(async () => {
    await chromium?.close();
    await bare?.close();
    await lab?.close();
  });

  const inputFor = (id: string): FixInput => {
    const input = inputs.get(id);
    if (input === undefined) throw new Error(`no fix input was captured for ${id}: see the first test`);
    return input;
  };

  it('without a fix every case is blocked, and CORS Lens logged each one with what it could know', () => {
    for (const exchange of Object.values(EXCHANGES)) {
      expect(unfixed.get(exchange.id), exchange.id).toEqual({ allowed: false });
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
        const running = await server.start(snippetFor(liveCase.exchange.id).code, bare.origin);
        try {
          for (const attempt of liveCase.attempts) {
            expect(
              await sendFromPage(pages[attempt.from], running.origin, liveCase.exchange),
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
