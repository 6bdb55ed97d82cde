import type { Display } from './display';
import type { BrowserName, RealBrowser } from './real-browser';
import { launchRealChromium } from './real-chromium';
import { launchRealFirefox } from './real-firefox';

/** Either browser, headful on `display`, with the unmodified build freshly installed (no host access). */
export function launchRealBrowser(name: BrowserName, display: Display): Promise<RealBrowser> {
  return name === 'chromium' ? launchRealChromium(display) : launchRealFirefox(display);
}
