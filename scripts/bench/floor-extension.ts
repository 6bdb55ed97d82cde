// A throw-away extension for the bench: the browser's own floor for capture. The same webRequest listeners CORS
// Lens registers while a panel watches, with the same filter and options ('extraHeaders' in Chromium), each doing
// nothing. Whatever CORS Lens costs above this is its own work.
import { mkdir, writeFile } from 'node:fs/promises';
import { outDir } from '../../tests/harness/paths';

const background = (filter: object) => `const api = globalThis.browser ?? globalThis.chrome;
const extra = api.webRequest.OnSendHeadersOptions?.EXTRA_HEADERS ? ['extraHeaders'] : [];
const filter = ${JSON.stringify(filter)};
self.events = 0;
const count = () => { self.events++; };
api.webRequest.onBeforeRequest.addListener(count, filter);
api.webRequest.onSendHeaders.addListener(count, filter, ['requestHeaders', ...extra]);
api.webRequest.onHeadersReceived.addListener(count, filter, ['responseHeaders', ...extra]);
api.webRequest.onBeforeRedirect.addListener(count, filter, ['responseHeaders', ...extra]);
api.webRequest.onCompleted.addListener(count, filter);
api.webRequest.onErrorOccurred.addListener(count, filter);`;

/**
 * Writes the floor extension for `browser`; returns its directory. Host access is granted at install. With
 * `otherTab`, its listeners are filtered to a tab that never exists, as CORS Lens's are to the inspected tab: the
 * browser's floor for the tabs no panel inspects.
 */
export async function floorExtension(browser: 'chrome' | 'firefox', otherTab = false): Promise<string> {
  const dir = `${outDir}/test-dist/capture-floor-${browser}${otherTab ? '-other-tab' : ''}`;
  await mkdir(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'CORS Lens bench: capture floor',
    version: '1',
    permissions: ['webRequest'],
    host_permissions: ['http://*/*', 'https://*/*'],
    background: browser === 'chrome' ? { service_worker: 'background.js' } : { scripts: ['background.js'] },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'capture-floor@cors-lens.dev' } } }
      : {}),
  };
  await writeFile(`${dir}/manifest.json`, JSON.stringify(manifest));
  const urls = ['http://*/*', 'https://*/*'];
  // A tab id no browser gives out (they count up from 1 per session).
  await writeFile(`${dir}/background.js`, background(otherTab ? { urls, tabId: 2 ** 30 } : { urls }));
  return dir;
}

/**
 * An extension that holds `permissions` and does nothing else: no listener, no rule, no host access. Chromium routes
 * every request of every page through its webRequest proxy as soon as any loaded extension holds webRequest or
 * declarativeNetRequest* (extensions/browser/api/web_request/web_request_api.cc, HasAnyWebRequestPermissions, counted
 * when an extension loads): these sides measure that cost apart from anything CORS Lens does.
 */
export async function permissionOnlyExtension(name: string, permissions: string[]): Promise<string> {
  const dir = `${outDir}/test-dist/permission-only-${name}`;
  await mkdir(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: `CORS Lens bench: ${permissions.join(', ')} alone`,
    version: '1',
    permissions,
    background: { service_worker: 'background.js' },
  };
  await writeFile(`${dir}/manifest.json`, JSON.stringify(manifest));
  await writeFile(`${dir}/background.js`, '// nothing: the permission alone is measured\n');
  return dir;
}
