import { defineConfig } from 'vitest/config';

// Unit and integration tests run twice: on PGlite and on the PostgreSQL server at TEST_DATABASE_URL.
// One database per worker (PGlite in memory, or a PostgreSQL database cloned from a migrated template),
// kept across the worker's files (isolate: false) because a fresh PGlite costs seconds.
const shared = {
  include: [
    'src/**/*.test.ts',
    'db/**/*.test.ts',
    'bench/**/*.test.ts',
    'scripts/**/*.test.ts',
    'web/src/**/*.test.ts',
  ],
  globalSetup: ['test/support/global-setup.ts'],
  setupFiles: ['test/support/setup.ts'],
  isolate: false,
  testTimeout: 30_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      // `*.postgres.test.ts`: about the PostgreSQL server itself (its connections), nothing PGlite has.
      {
        test: {
          ...shared,
          name: 'pglite',
          exclude: ['**/*.postgres.test.ts', '**/node_modules/**'],
          env: { TEST_ENGINE: 'pglite' },
        },
      },
      { test: { ...shared, name: 'postgres', env: { TEST_ENGINE: 'postgres' } } },
    ],
  },
});
