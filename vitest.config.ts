import { defineConfig } from 'vitest/config';

/**
 * crxjs turns `import file from './x.ts?script&iife'` into the built script's file name; in Node there is no build,
 * so such an import is the source path, and the script (made to run in a page) never runs in a test.
 */
const crxScriptImports = {
  name: 'cors-lens:crx-script-imports',
  enforce: 'pre' as const,
  resolveId(id: string) {
    return id.includes('?script') ? `\0crx-script:${id.replace(/\?.*$/, '')}` : undefined;
  },
  load(id: string) {
    return id.startsWith('\0crx-script:') ? `export default ${JSON.stringify(id.slice(12))};` : undefined;
  },
};

export default defineConfig({
  plugins: [crxScriptImports],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/ui/**/*.test.tsx'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // tests/differential: the verdict engine against Chromium's own verdicts on a generated matrix.
          include: ['tests/e2e/**/*.test.ts', 'tests/differential/**/*.test.ts'],
          // Two cores: one browser at a time keeps the suite predictable.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll waits for asynchronous browser state (DNR rules, badges, streamed rows): 1 s is too
          // little on a loaded machine, and a poll ends as soon as its condition holds.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
