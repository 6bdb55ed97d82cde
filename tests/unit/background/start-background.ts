// Loads the background's modules afresh against a FakeBrowser: every test starts from a new service worker.
// The test file must mock src/shared/browser with `mockBrowser` (vi.mock is hoisted per file, so it cannot live here).
import { afterEach, beforeEach, vi } from 'vitest';
import { FakeBrowser } from './fake-browser';

const holder = globalThis as { fakeBrowser?: FakeBrowser };

/** The factory for `vi.mock('…/src/shared/browser', mockBrowser)`: a browser that is whatever the test set. */
export const mockBrowser = () => ({
  get browser() {
    return holder.fakeBrowser;
  },
});

export interface Background {
  fake: FakeBrowser;
  /** A message as the runtime delivers it: through index.ts's onMessage listener. */
  send(message: unknown): Promise<unknown>;
  /** Lets every pending promise and storage call run. */
  settle(): Promise<void>;
}

export async function startBackground(fake = new FakeBrowser()): Promise<Background> {
  holder.fakeBrowser = fake;
  vi.resetModules();
  await import('../../../src/background/index');
  const settle = async () => {
    for (let i = 0; i < 50; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  };
  await settle();
  return {
    fake,
    settle,
    async send(message) {
      const answers = fake.runtime.onMessage.fire(message).filter((a) => a !== undefined);
      return answers.length === 0 ? undefined : await answers[0];
    },
  };
}

/**
 * For a test file: before each test a new background on fake timers (handed to `use`), after it real timers and no
 * spies left. The file still mocks src/shared/browser itself (vi.mock is hoisted per file).
 */
export function freshBackgroundOnFakeClock(use: (bg: Background) => void): void {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    use(await startBackground());
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}
