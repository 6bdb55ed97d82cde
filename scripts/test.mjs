// @ts-check
// `npm test`: typecheck, lint, unit tests, build, end-to-end tests in Chromium and Firefox ESR, web-ext lint.
// Stops at the first failing stage and always ends with one summary line: "Tests: N passed, N failed".
import { mkdir, readFile } from 'node:fs/promises';
import { run, runBin } from './run.mjs';

await mkdir('out', { recursive: true });
const started = performance.now();
let passed = 0;
let failed = 0;

/** @param {string} file */
async function countVitest(file) {
  try {
    const report = JSON.parse(await readFile(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
  } catch {
    failed += 1; // no report: the runner itself failed
  }
}

/** @type {[string, () => Promise<number>][]} */
const stages = [
  ['typecheck (tsc --noEmit)', () => runBin('tsc', ['--noEmit'])],
  ['lint and format (biome)', () => runBin('biome', ['check', '.'])],
  [
    'unit and component tests (vitest)',
    async () => {
      const code = await runBin('vitest', [
        'run',
        '--project',
        'unit',
        '--reporter=default',
        '--reporter=json',
        '--outputFile.json=out/test-unit.json',
      ]);
      await countVitest('out/test-unit.json');
      return code;
    },
  ],
  ['build (dist/chrome, dist/firefox)', () => run(process.execPath, ['scripts/build.mjs'])],
  [
    'end-to-end tests (Chromium, Firefox ESR)',
    async () => {
      const code = await runBin('vitest', [
        'run',
        '--project',
        'e2e',
        '--reporter=default',
        '--reporter=json',
        '--outputFile.json=out/test-e2e.json',
      ]);
      await countVitest('out/test-e2e.json');
      return code;
    },
  ],
  [
    'web-ext lint dist/firefox',
    async () => {
      const code = await runBin('web-ext', [
        'lint',
        '--source-dir',
        'dist/firefox',
        '--self-hosted',
        '--no-config-discovery',
      ]);
      code === 0 ? passed++ : failed++;
      return code;
    },
  ],
];

let exitCode = 0;
for (const [name, stage] of stages) {
  console.log(`\n▶ ${name}`);
  const code = await stage();
  if (code !== 0) {
    console.error(`✗ ${name} failed (exit ${code})`);
    exitCode = code;
    break;
  }
  console.log(`✓ ${name}`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`\nnpm test took ${seconds} s${exitCode ? ' and FAILED' : ''}.`);
if (exitCode && failed === 0) failed = 1;
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(exitCode);
