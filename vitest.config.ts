import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships both ESM and CJS builds; Node loads the CJS one for Apollo and Pothos, Vite
    // would pick the ESM one for our code, and graphql refuses types "from another realm".
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // DuckDB work runs on libuv's pool; forks keep each test file's database isolated.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
