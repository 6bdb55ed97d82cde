// What every live fix test starts from: the lab's two page origins open in Chromium with CORS Lens, the bare API,
// and the fix inputs CORS Lens produced from the failing exchanges it logged.
import type { Page } from 'playwright-core';
import type { FixInput } from '../../../src/core/fixes';
import { type ChromiumSession, launchChromium } from '../../harness/chromium';
import { startLab } from '../../lab/server.mjs';
import { startBareApi } from './bare-api';
import { captureFixInputs } from './capture-fix-inputs';
import type { Attempt, ExchangeCase } from './cases';
import type { Running } from './processes';

export interface FixLab {
  chromium: ChromiumSession;
  /** The lab page the fixes are for, and a page on a second origin they must not admit. */
  pages: Record<'page' | 'otherPage', Page>;
  bare: Running;
  /** What the page saw without a fix, per case id. */
  unfixed: Map<string, Attempt>;
  inputFor(id: string): FixInput;
  close(): Promise<void>;
}

export async function startFixLab(exchanges: ExchangeCase[]): Promise<FixLab> {
  const lab = await startLab();
  const bare = await startBareApi();
  let chromium: ChromiumSession | undefined;
  const close = async () => {
    await chromium?.close();
    await bare.close();
    await lab.close();
  };
  try {
    chromium = await launchChromium({ grantHosts: true });
    const page = await chromium.newPage();
    await page.goto(`${lab.pageOrigin}/`);
    const otherPage = await chromium.newPage();
    await otherPage.goto(`${lab.page2Origin}/`);
    const { inputs, unfixed } = await captureFixInputs(chromium, page, bare.origin, exchanges);
    return {
      chromium,
      pages: { page, otherPage },
      bare,
      unfixed,
      inputFor(id) {
        const input = inputs.get(id);
        if (input === undefined) throw new Error(`no fix input was captured for ${id}`);
        return input;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
