// Lifetimes across a browser restart in Firefox ESR: an "until browser restart" rule is gone after Firefox restarts
// with the same profile, a pinned one is applied again. A temporary add-on (what installExtension makes) does not
// survive a restart, so the extension is installed into the profile instead: a proxy file in <profile>/extensions
// names dist/firefox, and ESR accepts it unsigned with xpinstall.signatures.required off.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPage, geckoId } from '../harness/firefox';
import { distFirefox, firefoxPath, requireBuild } from '../harness/paths';
import { fileSteps } from '../harness/poll';
import { type Lab, startLab } from '../lab/server.mjs';
import { pollFor, popupPath, tryPut } from './override-helpers';

const uuid = '6b1f0a52-3c55-4f0e-9d55-2a8a7c1f0e11';

describe('Firefox ESR: "until browser restart" and pinned rules across a restart', () => {
  let lab: Lab;
  let profile: string;
  let firefox: Browser | undefined;
  const sessionApi = () => lab.apiOrigins[0] as string;
  const pinnedApi = () => lab.apiOrigins[1] as string;
  // The second test continues from the rules the first made in the same profile.
  const steps = fileSteps();

  const start = () =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      args: ['--profile', profile],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
        'xpinstall.signatures.required': false,
        // Enable the profile-scope add-on without asking (it is "sideloaded").
        'extensions.autoDisableScopes': 0,
        'extensions.enabledScopes': 15,
        'extensions.webextOptionalPermissionPrompts': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'browser.shell.checkDefaultBrowser': false,
      },
    });

  beforeAll(async () => {
    requireBuild(distFirefox);
    lab = await startLab();
    profile = await mkdtemp(join(tmpdir(), 'cors-lens-ff-restart-'));
    await mkdir(join(profile, 'extensions'));
    await writeFile(join(profile, 'extensions', geckoId), `${distFirefox}\n`);
  });
  afterAll(async () => {
    await firefox?.close();
    await lab?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('before the restart both rules apply, made through the popup', async () => {
    firefox = await start();
    const welcome = await findPage(firefox, `moz-extension://${uuid}/src/welcome/`);
    const labPage = await firefox.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
    const url = `moz-extension://${uuid}/${popupPath(0, lab.pageOrigin)}`;
    await welcome.evaluate((u) => {
      void (globalThis as unknown as { browser: typeof chrome }).browser.tabs.create({ url: u });
    }, url);
    const popup = await findPage(firefox, url);
    await popup.bringToFront();
    await popup.locator('form.allow input[type="checkbox"]').click(); // with credentials, for both rules
    for (const [target, lifetime] of [
      [sessionApi(), 'session'],
      [pinnedApi(), 'pinned'],
    ] as const) {
      await popup.locator('#allow-target').fill(target);
      await popup.select('#allow-lifetime', lifetime);
      await popup.locator('form.allow button[type="submit"]').click();
      await popup.waitForFunction(
        (name) => [...document.querySelectorAll('.rule-name')].some((e) => e.textContent === name),
        {},
        `${lab.pageOrigin} → ${target}`,
      );
    }
    expect(await pollFor(() => tryPut(labPage, sessionApi()), true)).toBe(true);
    expect(await pollFor(() => tryPut(labPage, pinnedApi()), true)).toBe(true);
    await firefox.close();
    firefox = undefined;
    steps.done('before the restart');
  });

  it('after the restart the "until restart" rule is gone and the pinned one applies again', async () => {
    steps.require('before the restart'); // which made both rules
    firefox = await start();
    const labPage = await firefox.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
    expect(await pollFor(() => tryPut(labPage, pinnedApi()), true, 20_000)).toBe(true);
    expect(await tryPut(labPage, sessionApi())).toBe(false);
  });
});
