// @ts-check
// `npm run package`: builds both targets and writes store-ready archives to out/packages/.
import { readFile } from 'node:fs/promises';
import { check, run, runBin } from './run.mjs';

check(await run(process.execPath, ['scripts/build.mjs']), 'build');
const { version } = JSON.parse(await readFile('manifest.json', 'utf8'));
for (const target of ['chrome', 'firefox']) {
  const filename = `cors-lens-${target}-${version}.zip`;
  const args = [
    'build',
    '--source-dir',
    `dist/${target}`,
    '--artifacts-dir',
    'out/packages',
    '--filename',
    filename,
  ];
  check(await runBin('web-ext', [...args, '--overwrite-dest', '--no-config-discovery']), `package ${target}`);
  console.log(`✓ out/packages/${filename}`);
}
