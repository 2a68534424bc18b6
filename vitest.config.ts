import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql 16 ships CJS (main) and ESM (module) builds; Node loads the CJS one for everyone, Vite
  // would pick the ESM one for our code only, and graphql refuses types from "another realm".
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Tests start real livekit-server / rtc-node processes; joining a room,
    // ICE and the first decoded frames take seconds on a loaded 2-core box.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // One file at a time: each file brings its own livekit-server, publishers
    // (each encoding video) and server under test; two at once starve the CPU
    // and turn timing-sensitive media assertions flaky.
    fileParallelism: false,
    // Each file gets a fresh child process, so rtc-node's process-wide native
    // runtime (disposed in afterAll) never leaks from one file into the next.
    pool: 'forks',
    isolate: true,
    // HAVEN_TEST_DATABASE=postgres: one PostgreSQL server for the run (see test/harness/postgres.ts).
    globalSetup: process.env.HAVEN_TEST_DATABASE === 'postgres' ? ['test/harness/postgres-setup.ts'] : [],
  },
});
