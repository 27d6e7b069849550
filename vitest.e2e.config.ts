import { defineConfig } from 'vitest/config';

// Browser tests drive the built extension in Chromium: one browser per file, files one at a time
// (two cores; parallel Chromiums only slow each other down).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    globalSetup: ['tests/support/corpus-notice.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Like Playwright's own waits (harness: 10 s): a loaded CI machine answers late, not never.
    expect: { poll: { timeout: 10_000 } },
  },
});
