// @ts-check
// `npm run build`: dist/chrome and dist/firefox from one source.
import { check, runBin } from './run.mjs';

const started = performance.now();
for (const target of ['chrome', 'firefox']) {
  check(
    await runBin('vite', ['build', '--logLevel', 'warn'], { env: { CORS_LENS_TARGET: target } }),
    `build for ${target}`,
  );
  console.log(`✓ dist/${target}`);
}
console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
