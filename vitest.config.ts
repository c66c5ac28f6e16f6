import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // dist/, for the tests that run the compiled entry points as processes.
    globalSetup: ['test/support/build-dist.ts'],
    // End-to-end suites run a real discord.js client against a local stand-in; give them room on a
    // shared 2-core machine without making speed an assertion.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
