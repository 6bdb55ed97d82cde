import { defineConfig } from 'vitest/config';

export default defineConfig({
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
