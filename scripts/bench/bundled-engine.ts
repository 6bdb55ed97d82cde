// The verdict engine as the extension ships it: bundled by vite (rolldown), not run through tsx, whose esbuild
// transform wraps every function with a `__name` helper and makes the hot path slower than the real thing.
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type { evaluate as Evaluate } from '../../src/core/cors';

export async function bundledEvaluate(): Promise<typeof Evaluate> {
  const outDir = 'out/bench/engine';
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: 'src/core/cors/index.ts', formats: ['es'], fileName: 'engine' },
    },
  });
  const engine = (await import(pathToFileURL(`${outDir}/engine.js`).href)) as { evaluate: typeof Evaluate };
  return engine.evaluate;
}
