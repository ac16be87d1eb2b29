import { defineConfig } from 'vitest/config';

// Three projects by what the tests prove (STYLE.md §14): pure units, integration on both
// database dialects, and browser journeys on Debian's Chromium.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        // Timeouts are generous on purpose: they catch hangs, not slowness (speed goals live in
        // bench/), and a 2-core CI machine running files in parallel is slow at times.
        test: { name: 'unit', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.spec.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
