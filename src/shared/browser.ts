// The one import of webextension-polyfill: every context gets `browser` from here, so the
// promise-based API is the same in Chrome and Firefox (where the polyfill is a no-op).
import browser from 'webextension-polyfill';

export type { Browser, Runtime, Tabs } from 'webextension-polyfill';
export { browser };
