import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // DuckDB work runs on libuv's pool; forks keep each test file's database isolated.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
