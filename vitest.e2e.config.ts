import { defineConfig } from 'vitest/config';

// Browser tests drive the built extension in real browsers: one browser per file, files one at a
// time (two cores; parallel browsers only slow each other down). Every file runs twice, once per
// project: the project sets E2E_BROWSER, which the harness reads to pick its driver, so a test is
// written once. `--project chromium` or `--project firefox` runs one browser.
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
    projects: (['chromium', 'firefox'] as const).map((browser) => ({
      extends: true,
      test: { name: browser, env: { E2E_BROWSER: browser } },
    })),
  },
});
