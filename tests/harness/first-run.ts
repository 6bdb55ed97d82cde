// The first run as a user walks it, shared by the real-DevTools tests and `npm start`: Start capturing in the CORS
// panel, the browser's own prompt (Firefox: from the CORS Lens window, since its DevTools panels cannot ask), Allow.
import type { RealBrowser, UiView } from './real-browser';
import { until } from './real-browser';

export async function startCapturing(browser: RealBrowser, panel: UiView): Promise<void> {
  await until('the panel to offer Start capturing', async () =>
    (await panel.text()).includes('Start capturing'),
  );
  await panel.click('button', 'Start capturing');
  if (browser.name === 'firefox') {
    await until('the panel to point at the CORS Lens window', async () =>
      (await panel.text()).includes('Confirm in the CORS Lens window'),
    );
    const grant = await browser.grantWindow();
    await grant.click('button', 'Allow access');
  }
  await browser.answerPermissionPrompt('allow');
  await until('capture to start', async () =>
    (await panel.text()).includes('Reload the page or trigger the failing request'),
  );
}
