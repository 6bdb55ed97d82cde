// A throw-away extension for the bench: a DevTools page that only listens to chrome.devtools.network's
// onRequestFinished (the HAR entries, preflights included), the alternative data source issue #4 asks to measure
// before choosing webRequest. Its background counts the entries it was told about, so the bench can check the
// listener really saw the bench page's requests.
import { mkdir, writeFile } from 'node:fs/promises';
import { outDir } from '../../tests/harness/paths';

const files: Record<string, string> = {
  'manifest.json': JSON.stringify({
    manifest_version: 3,
    name: 'CORS Lens bench: HAR probe',
    version: '1',
    devtools_page: 'devtools.html',
    background: { service_worker: 'background.js' },
  }),
  'devtools.html': '<!doctype html><script src="devtools.js"></script>',
  'devtools.js': `let entries = 0;
chrome.devtools.network.onRequestFinished.addListener((entry) => {
  entries++;
  if (entries % 10 === 0) chrome.runtime.sendMessage({ entries, preflight: entry._resourceType === 'preflight' });
});`,
  'background.js': `self.entries = 0;
chrome.runtime.onMessage.addListener((m) => { self.entries = Math.max(self.entries, m.entries); });`,
};

/** Writes the probe extension; returns its directory. */
export async function harProbeExtension(): Promise<string> {
  const dir = `${outDir}/test-dist/har-probe`;
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(`${dir}/${name}`, text);
  return dir;
}
