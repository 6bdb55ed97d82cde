// Service worker (Chrome) / event page (Firefox). MV3 may stop it at any moment, so every listener is
// registered synchronously here at top level and all state lives in storage.
import { browser } from '../shared/browser';
import { isRequest } from '../shared/messages';
import { handle } from './handlers';

browser.runtime.onMessage.addListener((message: unknown) => {
  if (!isRequest(message)) return undefined;
  return handle(message);
});

browser.runtime.onInstalled.addListener(({ reason }) => {
  // First install only: a short page that says where the panel is and what each permission is for.
  if (reason === 'install')
    void browser.tabs.create({ url: browser.runtime.getURL('src/welcome/index.html') });
});
