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
          include: ['tests/e2e/**/*.test.ts'],
          // Two cores: one browser at a time keeps the suite predictable.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // Engine vs Chromium on a generated matrix: `npm run test:differential`. Not yet in `npm test`:
        // it still reports disagreements (issue #3 stays open until it agrees on every exchange).
        test: { name: 'differential', include: ['tests/differential/**/*.test.ts'], testTimeout: 300_000 },
      },
    ],
  },
});
