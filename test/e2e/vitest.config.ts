import { defineConfig } from 'vitest/config';

// Browser journeys: one real server (`src/main.ts` on a fresh embedded database with demo data), driven by
// Debian's chromium through playwright-core.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/server.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // A journey takes 10-40 s on a quiet machine and over a minute with both cores busy (CI beside other work).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
