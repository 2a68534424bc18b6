import { defineConfig } from 'vitest/config';

export default defineConfig({
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
  },
});
